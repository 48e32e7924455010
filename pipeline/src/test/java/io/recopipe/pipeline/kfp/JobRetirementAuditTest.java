package io.recopipe.pipeline.kfp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.aiplatform.v1.MergeVersionAliasesRequest;
import com.google.cloud.aiplatform.v1.UpdateModelRequest;
import io.recopipe.pipeline.audit.SqliteAuditLog;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegistryFixtures;
import io.recopipe.pipeline.registry.SqliteModelRegistry;
import io.recopipe.pipeline.registry.VersionStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under {@code promotion: auto} a Vertex job's exit task audits the versions its promotion retired
 * exactly as a local promotion does: the same {@code status} and {@code promote} entries, fields
 * and order as the home's SQLite registry writes for the same promotions, once per job however
 * often the task runs, on an intact BigQuery hash chain. (The job here has no Cloud Run service, so
 * each promotion makes its version champion without serving it.)
 */
class JobRetirementAuditTest {
  @TempDir Path dir;
  private VertexJobFixture job;

  @BeforeEach
  void start() throws Exception {
    job = new VertexJobFixture(dir);
  }

  @AfterEach
  void stop() throws Exception {
    assertEquals(List.of(), job.bq.unrouted(), "requests the real BigQuery API would not accept");
    job.close();
  }

  @Test
  void theRetiredVersionsAreAuditedAsALocalPromotionAuditsThem() throws Exception {
    ContainerRun run = job.containerRun(job.audit);
    for (String id : List.of("job-1", "job-2", "job-3")) {
      job.register(run, id, "auto", true);
      job.promoteAuto(run, id); // each champion in turn: the one it replaced retires
    }

    assertEquals(
        List.of(
            "register movielens-mf/v1",
            "promote movielens-mf/v1",
            "register movielens-mf/v2",
            "status movielens-mf/v1",
            "promote movielens-mf/v2",
            "register movielens-mf/v3",
            "status movielens-mf/v2",
            "promote movielens-mf/v3"),
        job.auditActions());
    assertEquals("{\"status\":\"RETIRED\"}", job.bq.audit.get(3).get("detail"));
    assertEquals("{\"status\":\"RETIRED\"}", job.bq.audit.get(6).get("detail"));
    assertEquals(
        "{\"from\":\"2\",\"reason\":\"auto promotion of run job-3\",\"status\":\"PROMOTED\","
            + "\"to\":\"3\"}",
        job.bq.audit.get(7).get("detail"));
    assertEquals(JobRegistry.ACTOR, job.bq.audit.get(6).get("actor"));
    assertEquals(job.bq.audit.get(6).get("at"), job.bq.audit.get(7).get("at"), "one promotion");
    assertEquals(
        VersionStatus.RETIRED, job.registry.find("movielens-mf", 1).orElseThrow().status());
    assertEquals(
        VersionStatus.RETIRED, job.registry.find("movielens-mf", 2).orElseThrow().status());

    assertEquals(localPromotions(), promotions(job.bq.audit), "what a local run writes");
    assertTrue(job.audit.verify().intact(), "the chain holds");
  }

  @Test
  void aRetryAfterTheRetirementWasMadeButNotAuditedAuditsItOnce() throws Exception {
    retryAfterFailing("status");
  }

  @Test
  void aRetryAfterTheRetirementWasAuditedDoesNotAuditItAgain() throws Exception {
    retryAfterFailing("promote");
  }

  @Test
  void aRetryAfterTheRegistryStoppedHalfWayFinishesThePromotionAndAuditsItOnce() throws Exception {
    ContainerRun run = job.containerRun(job.audit);
    job.register(run, "job-1", "auto", true);
    job.promoteAuto(run, "job-1");
    job.register(run, "job-2", "auto", true);
    job.vertex.failNext(
        r ->
            r instanceof MergeVersionAliasesRequest m
                && m.getVersionAliasesList().equals(List.of(ModelRegistry.PREVIOUS)));
    assertThrows(Exception.class, () -> job.promoteAuto(run, "job-2"));
    assertEquals(
        2, job.registry.alias("movielens-mf", ModelRegistry.CHAMPION).orElseThrow().version());
    assertTrue(job.registry.alias("movielens-mf", ModelRegistry.PREVIOUS).isEmpty());

    job.promoteAuto(run, "job-2");

    assertEquals(
        1, job.registry.alias("movielens-mf", ModelRegistry.PREVIOUS).orElseThrow().version());
    assertEquals(
        VersionStatus.RETIRED, job.registry.find("movielens-mf", 1).orElseThrow().status());
    assertEquals(
        VersionStatus.PROMOTED, job.registry.find("movielens-mf", 2).orElseThrow().status());
    assertEquals(
        List.of(
            "register movielens-mf/v1",
            "promote movielens-mf/v1",
            "register movielens-mf/v2",
            "status movielens-mf/v1",
            "promote movielens-mf/v2"),
        job.auditActions());
    assertTrue(job.audit.verify().intact());
  }

  /** Job 2's exit task dies appending its first {@code action} entry, then runs twice more. */
  private void retryAfterFailing(String action) throws Exception {
    ContainerRun run = job.containerRun(job.audit);
    job.register(run, "job-1", "auto", true);
    job.promoteAuto(run, "job-1");
    job.register(run, "job-2", "auto", true);
    ContainerRun dying = job.containerRun(job.dyingAt(action));
    assertThrows(Exception.class, () -> job.promoteAuto(dying, "job-2"));
    List<UpdateModelRequest> labels = job.vertex.requests(UpdateModelRequest.class);
    assertTrue(
        labels.stream()
            .anyMatch(
                u ->
                    "retired".equals(u.getModel().getLabelsMap().get("recopipe_status"))
                        && "2".equals(u.getModel().getLabelsMap().get("recopipe_retired_for"))),
        "the registry retired v1 for v2 before the audit failed");

    job.promoteAuto(run, "job-2");
    job.promoteAuto(run, "job-2");

    assertEquals(
        List.of(
            "register movielens-mf/v1",
            "promote movielens-mf/v1",
            "register movielens-mf/v2",
            "status movielens-mf/v1",
            "promote movielens-mf/v2"),
        job.auditActions(),
        "each entry once although the task ran three times");
    assertEquals("{\"status\":\"RETIRED\"}", job.bq.audit.get(3).get("detail"));
    assertEquals(
        "{\"from\":\"1\",\"reason\":\"auto promotion of run job-2\",\"status\":\"PROMOTED\","
            + "\"to\":\"2\"}",
        job.bq.audit.get(4).get("detail"));
    assertTrue(job.audit.verify().intact());
  }

  /**
   * The {@code status} and {@code promote} entries of the same three promotions in a home's SQLite
   * registry, as {@code action vN detail}.
   */
  private List<String> localPromotions() {
    try (MetadataStore store = MetadataStore.open(dir.resolve("metadata.db"))) {
      ModelRegistry local = new SqliteModelRegistry(store, VertexJobFixture.clock());
      boolean[] served = {false, false, false};
      for (int i = 1; i <= 3; i++) {
        local.register(RegistryFixtures.draft(store, "job-" + i, "system:runner", 0.9));
        local.promote("mf", i, "system:runner", "auto promotion of run job-" + i, served[i - 1]);
      }
      return new SqliteAuditLog(store)
          .list().stream()
              .filter(e -> !e.action().equals("register"))
              .map(e -> line(e.action(), e.subject(), e.detail()))
              .toList();
    }
  }

  private static List<String> promotions(List<Map<String, String>> rows) {
    return rows.stream()
        .filter(r -> !r.get("action").equals("register"))
        .map(r -> line(r.get("action"), r.get("subject"), r.get("detail")))
        .toList();
  }

  private static String line(String action, String subject, String detail) {
    return action + " " + subject.substring(subject.lastIndexOf('/') + 1) + " " + detail;
  }
}
