package io.recopipe.infra.vertex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.aiplatform.v1.CreatePipelineJobRequest;
import com.google.cloud.aiplatform.v1.CreateScheduleRequest;
import com.google.cloud.aiplatform.v1.PipelineJob;
import com.google.cloud.aiplatform.v1.Schedule;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VertexPipelinesTest {
  private static final String SPEC =
      "{\"pipelineInfo\":{\"name\":\"movielens-mf\"},"
          + "\"schemaVersion\":\"2.1.0\",\"root\":{\"dag\":{\"tasks\":{}}}}";
  private static final String PARENT = "projects/recopipe-demo/locations/europe-west1";

  private final FakeVertex fake = new FakeVertex();
  private VertexPipelines vertex;

  @BeforeEach
  void start() {
    vertex = fake.client();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void submitSendsTheWholePipelineJob() throws Exception {
    String name =
        vertex.submit(
            SPEC,
            Map.of("train__num_factors", "198", "gate__r2_min", "0.2"),
            "movielens-mf-20261122-184320");

    assertEquals(PARENT + "/pipelineJobs/movielens-mf-20261122-184320", name);
    assertEquals(1, fake.jobs.size());
    CreatePipelineJobRequest request = fake.jobs.get(0);
    assertEquals(PARENT, request.getParent());
    assertEquals("movielens-mf-20261122-184320", request.getPipelineJobId());
    assertJob(request.getPipelineJob());
  }

  // getParametersMap is the deprecated pre-2.1.0 field: asserting it stays empty is the point.
  @SuppressWarnings("deprecation")
  private static void assertJob(PipelineJob job) throws Exception {
    assertEquals("movielens-mf", job.getDisplayName());
    assertEquals(
        SPEC, JsonFormat.printer().omittingInsignificantWhitespace().print(job.getPipelineSpec()));
    assertEquals(Map.of("recopipe-pipeline", "movielens-mf"), job.getLabelsMap());
    assertEquals("pipeline@recopipe-demo.iam.gserviceaccount.com", job.getServiceAccount());
    assertEquals(
        "gs://recopipe-demo-artifacts/pipeline-root",
        job.getRuntimeConfig().getGcsOutputDirectory());
    assertEquals(
        Map.of(
            "train__num_factors",
            Value.newBuilder().setStringValue("198").build(),
            "gate__r2_min",
            Value.newBuilder().setStringValue("0.2").build()),
        job.getRuntimeConfig().getParameterValuesMap());
    assertTrue(
        job.getRuntimeConfig().getParametersMap().isEmpty(),
        "the deprecated parameters field stays empty");
    assertFalse(job.hasEncryptionSpec());
    assertEquals("", job.getNetwork());
  }

  @Test
  void scheduleSendsCronConcurrencyQueueingAndTheJobRequest() throws Exception {
    String name =
        vertex.schedule(
            SPEC,
            Map.of("train__num_factors", "198", "gate__r2_min", "0.2"),
            new VertexSchedule("nightly", " 0 3 * * * ", ZoneId.of("Europe/Berlin"), 2, true));

    assertEquals(PARENT + "/schedules/42", name);
    CreateScheduleRequest request = fake.schedules.get(0);
    assertEquals(PARENT, request.getParent());
    Schedule schedule = request.getSchedule();
    assertEquals("nightly", schedule.getDisplayName());
    assertEquals("TZ=Europe/Berlin 0 3 * * *", schedule.getCron());
    assertEquals(2, schedule.getMaxConcurrentRunCount());
    assertTrue(schedule.getAllowQueueing());
    assertEquals(0, schedule.getMaxRunCount());
    assertFalse(schedule.hasStartTime());
    assertEquals(PARENT, schedule.getCreatePipelineJobRequest().getParent());
    assertEquals("", schedule.getCreatePipelineJobRequest().getPipelineJobId());
    assertJob(schedule.getCreatePipelineJobRequest().getPipelineJob());
  }

  @Test
  void refusesABadJobIdBeforeCallingVertex() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> vertex.submit(SPEC, Map.of(), "Movielens_MF"));
    assertEquals(
        "pipeline job id 'Movielens_MF' must be 1-127 lower-case letters, digits or " + "hyphens",
        e.getMessage());
    assertTrue(fake.jobs.isEmpty());
  }

  @Test
  void refusesASpecWithoutPipelineName() {
    assertThrows(
        IllegalArgumentException.class, () -> vertex.submit("{\"root\":{}}", Map.of(), "job-1"));
    assertTrue(fake.jobs.isEmpty());
  }

  @Test
  void scheduleRefusesZeroConcurrencyAndShortCron() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new VertexSchedule("n", "0 3 * * *", ZoneId.of("UTC"), 0, false));
    assertThrows(
        IllegalArgumentException.class,
        () -> new VertexSchedule("n", "0 3 * *", ZoneId.of("UTC"), 1, false));
  }

  @Test
  void jobIdsAreLowerCaseWithUtcStamp() {
    assertEquals(
        "movielens-mf-20261122-184320",
        JobIds.of("MovieLens_MF", java.time.Instant.parse("2026-11-22T18:43:20Z")));
  }
}
