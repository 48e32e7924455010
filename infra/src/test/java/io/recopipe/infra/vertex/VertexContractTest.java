package io.recopipe.infra.vertex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.aiplatform.v1.PipelineServiceProto;
import com.google.cloud.aiplatform.v1.ScheduleServiceProto;
import io.recopipe.infra.contract.IamTable;
import io.recopipe.infra.contract.ProtoContract;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Submitting and scheduling through the real google-cloud-aiplatform client, each request checked
 * against the {@code PipelineService} and {@code ScheduleService} protos compiled into the client
 * jar: the gRPC method names {@link FakeVertex} answers, required fields (the schedule's embedded
 * job request too), resource name patterns and the published REST bindings.
 */
class VertexContractTest {
  private static final ProtoContract PIPELINES =
      new ProtoContract(PipelineServiceProto.getDescriptor(), "PipelineService");
  private static final ProtoContract SCHEDULES =
      new ProtoContract(ScheduleServiceProto.getDescriptor(), "ScheduleService");
  private static final String SPEC =
      "{\"pipelineInfo\":{\"name\":\"movielens-mf\"},"
          + "\"schemaVersion\":\"2.1.0\",\"root\":{\"dag\":{\"tasks\":{}}}}";

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
  void submitAndScheduleSendWhatThePublishedProtosRequire() {
    vertex.submit(SPEC, Map.of("train__num_factors", "8"), "movielens-mf-20261203-070000");
    vertex.schedule(
        SPEC, Map.of(), new VertexSchedule("nightly", "0 3 * * *", ZoneId.of("UTC"), 1, false));

    assertEquals(List.of(), PIPELINES.problems("CreatePipelineJob", fake.jobs.get(0)));
    assertEquals(List.of(), SCHEDULES.problems("CreateSchedule", fake.schedules.get(0)));
    assertEquals(
        List.of(),
        PIPELINES.problems(
            "CreatePipelineJob", fake.schedules.get(0).getSchedule().getCreatePipelineJobRequest()),
        "the job request a schedule fires is itself a valid CreatePipelineJob request");
    assertEquals(
        "POST /v1/{parent=projects/*/locations/*}/pipelineJobs",
        PIPELINES.http("CreatePipelineJob"));
    assertEquals(
        "POST /v1/{parent=projects/*/locations/*}/schedules", SCHEDULES.http("CreateSchedule"));
    List<String> methods =
        List.of(PIPELINES.fullName("CreatePipelineJob"), SCHEDULES.fullName("CreateSchedule"));
    assertEquals(
        List.of(
            "google.cloud.aiplatform.v1.PipelineService/CreatePipelineJob",
            "google.cloud.aiplatform.v1.ScheduleService/CreateSchedule"),
        methods,
        "the names FakeVertex binds are the published ones");
    assertTrue(IamTable.calledMethods().containsAll(methods), "rows in iam-methods.csv");
  }
}
