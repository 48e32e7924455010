package io.recopipe.pipeline.kfp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.deploy.DeployRequest;
import io.recopipe.model.io.Json;
import io.recopipe.pipeline.audit.SqliteAuditLog;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.promotion.GcpPromotions;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegistryFixtures;
import io.recopipe.pipeline.registry.SqliteModelRegistry;
import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.review.Reviewer;
import io.recopipe.pipeline.testing.RecordingDeployTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who submitted a Vertex job reaches its exit task as the typed root parameter {@value
 * JobVersions#SUBMITTED_BY} (wired as KFP's compiler wires a pipeline argument into a task) and is
 * recorded as the requester of the approval, so the four-eyes rule refuses the submitter as
 * approver; another reviewer's approval on the gcp profile audits the versions it retired exactly
 * as a local approval does.
 */
class JobSubmitterTest {
  private static final String PIPELINE = "movielens-mf";

  @TempDir Path dir;
  private VertexJobFixture job;
  private final RecordingDeployTarget target = new RecordingDeployTarget();
  private final List<DeployRequest> deployed = target.deployed;

  @BeforeEach
  void start() throws Exception {
    job = new VertexJobFixture(dir);
  }

  @AfterEach
  void stop() throws Exception {
    assertEquals(List.of(), job.bq.unrouted(), "requests the real BigQuery API would not accept");
    job.close();
  }

  /**
   * As kubeflow/pipelines test_data/sdk_compiled_pipelines/valid/pipeline_with_task_final_status
   * .yaml: a STRING root input with a default, and the exit task's input {@code
   * componentInputParameter} naming it; no step and no sub-DAG sees it.
   */
  @Test
  void theSubmitterIsATypedRootParameterOfTheExitTaskOnly() {
    ObjectNode spec = KfpCompilerTest.shippedSpec();
    assertEquals(
        Json.parse("{\"defaultValue\":\"\",\"isOptional\":true,\"parameterType\":\"STRING\"}"),
        spec.at("/root/inputDefinitions/parameters/submitted_by"));
    assertEquals(
        Json.parse("{\"componentInputParameter\":\"submitted_by\"}"),
        spec.at("/root/dag/tasks/commit/inputs/parameters/submitted_by"));
    assertEquals(
        "STRING",
        spec.at("/components/comp-commit/inputDefinitions/parameters/submitted_by/parameterType")
            .asText());
    assertTrue(
        spec.at("/root/dag/tasks/exit-handler-1/inputs/parameters/pipelinechannel--submitted_by")
            .isMissingNode());
    assertFalse(spec.toString().contains("pipelinechannel--submitted_by"), "no step reads it");
  }

  @Test
  void theSubmitterRequestsTheApprovalAndCannotApproveButAnotherReviewerCan() throws Exception {
    ContainerRun run = job.containerRun(job.audit);
    job.register(run, "job-1", "auto", true);
    job.promoteAuto(run, "job-1"); // v1 champion
    job.register(run, "job-2", "review", false);
    run.commit("job-2", VertexJobFixture.finalStatus("SUCCEEDED"), reviewBy("carol"));

    assertEquals("carol", job.bq.approvals.get(0).get("started_by"));
    assertEquals(
        "carol",
        Json.parse(job.bq.audit.get(3).get("detail")).path("started_by").asText(),
        "request_approval says who asked");
    GcpPromotions promotions = job.promotions(target);
    ReviewException refused =
        assertThrows(
            ReviewException.class,
            () ->
                promotions.approve(
                    PIPELINE, 2, reviewer("carol"), "mine is fine", VertexJobFixture.QUIET));
    assertEquals(ReviewException.Kind.FORBIDDEN, refused.kind());
    assertTrue(refused.getMessage().startsWith("four-eyes rule: carol started run job-2"));
    assertEquals(List.of(), deployed);

    promotions.approve(PIPELINE, 2, reviewer("alice"), "good", VertexJobFixture.QUIET);

    assertEquals(1, deployed.size());
    assertEquals(
        List.of(
            "register movielens-mf/v1",
            "promote movielens-mf/v1",
            "register movielens-mf/v2",
            "request_approval movielens-mf/v2",
            "approve movielens-mf/v2",
            "status movielens-mf/v1",
            "promote movielens-mf/v2",
            "deploy movielens-mf/v2"),
        job.auditActions());
    List<String> approved =
        job.bq.audit.subList(5, 6).stream()
            .map(r -> line(r.get("actor"), r.get("action"), r.get("subject"), r.get("detail")))
            .toList();
    assertEquals(localApproval(), approved, "the retirement a local approval's promotion audits");
    assertTrue(job.audit.verify().intact(), "the chain holds");
  }

  @Test
  void aJobSubmittedWithoutASubmitterIsRequestedByTheJob() throws Exception {
    ContainerRun run = job.containerRun(job.audit);
    job.register(run, "job-1", "review", false);
    run.commit("job-1", VertexJobFixture.finalStatus("SUCCEEDED"), reviewBy(""));
    assertEquals(JobRegistry.ACTOR, job.bq.approvals.get(0).get("started_by"));
  }

  /** The exit task's parameters of a review job submitted by {@code who}. */
  private static Map<String, String> reviewBy(String who) {
    return Map.of(
        "promotion.policy",
        "review",
        "promotion.expires_after",
        "PT72H",
        JobVersions.SUBMITTED_BY,
        who);
  }

  private static Reviewer reviewer(String name) {
    return new Reviewer(name, VertexJobFixture.NOW, false, false);
  }

  /**
   * The {@code status} entries of the same approval's promotion in a home's SQLite registry (v1
   * champion, v2 approved by alice), as {@code actor action vN detail}.
   */
  private List<String> localApproval() {
    try (MetadataStore store = MetadataStore.open(dir.resolve("metadata.db"))) {
      ModelRegistry local = new SqliteModelRegistry(store, VertexJobFixture.clock());
      local.register(RegistryFixtures.draft(store, "job-1", "system:runner", 0.9));
      local.promote("mf", 1, "system:runner", "auto promotion of run job-1", false);
      local.register(RegistryFixtures.draft(store, "job-2", "carol", 0.9));
      local.promote("mf", 2, "alice", "approved by alice: good", true);
      return new SqliteAuditLog(store)
          .list().stream()
              .skip(3)
              .filter(e -> e.action().equals("status"))
              .map(e -> line(e.actor(), e.action(), e.subject(), e.detail()))
              .toList();
    }
  }

  private static String line(String actor, String action, String subject, String detail) {
    JsonNode parsed = Json.parse(detail);
    return actor
        + " "
        + action
        + " "
        + subject.substring(subject.lastIndexOf('/') + 1)
        + " "
        + parsed;
  }
}
