package io.recopipe.pipeline.kfp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServiceName;
import com.google.cloud.run.v2.UpdateServiceRequest;
import io.grpc.Status;
import io.recopipe.components.api.Services;
import io.recopipe.components.deploy.DeployRequest;
import io.recopipe.components.deploy.DeployTarget;
import io.recopipe.infra.cloudrun.CloudRunDeployTarget;
import io.recopipe.infra.cloudrun.FakeCloudRun;
import io.recopipe.model.error.OperationFailedException;
import io.recopipe.model.io.Json;
import io.recopipe.pipeline.promotion.GcpPromotions;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.registry.VersionStatus;
import io.recopipe.pipeline.review.Approval;
import io.recopipe.pipeline.review.ApprovalState;
import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.review.Reviewer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Vertex jobs of one pipeline under {@code promotion: auto} that overlap: each job's deploy
 * task stages its revision before either job's exit task runs. Each job's task entrypoint runs with
 * the real Cloud Run target on {@link FakeCloudRun} and the real Vertex AI registry, BigQuery audit
 * log and approvals of {@link VertexJobFixture}, and every interleaving ends with the champion
 * serving: each release serves the revision its own job staged, so of two jobs that both commit the
 * later commit serves (as two local runs promoting one after the other), and a job that fails
 * leaves the other's release serving its own revision. When Cloud Run refuses the traffic move
 * after the publish, the version awaits approval with the refusal audited, and approving it deploys
 * it; a reviewer's approval moves traffic last as well.
 */
class OverlappingJobsReleaseTest {
  private static final String PIPELINE = "movielens-mf";
  private static final String OLD_REVISION = "recommender-m-00000000aaaa-1";

  @TempDir Path dir;
  private final FakeCloudRun cloudRun = new FakeCloudRun();
  private VertexJobFixture job;
  private CloudRunDeployTarget target;
  private ContainerRun run;

  @BeforeEach
  void start() throws Exception {
    job = new VertexJobFixture(dir);
    target = ReleaseJobMain.target(cloudRun.clients());
    // the model serving before the jobs: all traffic on its revision
    target.deploy(
        new DeployRequest(
            ReleasePipeline.REGISTRY + "@sha256:" + "0".repeat(64),
            "00000000aaaa",
            "job-0",
            "recommender_model",
            0));
    run = job.containerRun(job.audit, Services.none().with(DeployTarget.class, target));
  }

  @AfterEach
  void stop() throws Exception {
    assertEquals(List.of(), cloudRun.violations, "requests the published proto does not allow");
    assertEquals(List.of(), job.bq.unrouted(), "requests the real BigQuery API would not accept");
    assertTrue(job.audit.verify().intact(), "the audit chain holds");
    cloudRun.close();
    job.close();
  }

  @Test
  void jobsCommittingInTheOrderTheyStagedEndServingTheLaterWithTheEarlierAsPrevious()
      throws Exception {
    String r1 = stage("job-1");
    String r2 = stage("job-2");

    job.promoteAuto(run, "job-1");
    assertEquals(List.of(r1 + "=100"), traffic(), "job 1 serves its own revision, not job 2's");
    job.promoteAuto(run, "job-2");

    assertTheLaterCommitServes(1, r1, 2, r2);
  }

  /**
   * The later commit wins: job 2 committed first and served, then job 1's commit serves job 1's
   * model, with job 2's as the previous one, as two local runs promoting in that order would.
   */
  @Test
  void jobsCommittingInTheOtherOrderEndServingTheLaterCommit() throws Exception {
    String r1 = stage("job-1");
    String r2 = stage("job-2");

    job.promoteAuto(run, "job-2");
    job.promoteAuto(run, "job-1");

    assertTheLaterCommitServes(2, r2, 1, r1);
  }

  /**
   * Both jobs served, in commit order: version {@code later} serves on {@code laterRevision} as the
   * champion, version {@code earlier} is {@code previous} and a rollback returns to its revision,
   * and the audit log says each promotion served.
   */
  private void assertTheLaterCommitServes(
      int earlier, String earlierRevision, int later, String laterRevision) throws Exception {
    assertEquals(List.of(laterRevision + "=100"), traffic());
    assertEquals(List.of(earlierRevision, laterRevision), trafficMoves(), "both served in turn");
    assertEquals(earlierRevision, previousRevision(), "a rollback returns to the earlier one");
    assertEquals(Optional.of(later), alias(ModelRegistry.CHAMPION));
    assertEquals(Optional.of(earlier), alias(ModelRegistry.PREVIOUS));
    assertEquals(VersionStatus.RETIRED, status(earlier));
    assertEquals(VersionStatus.DEPLOYED, status(later));
    assertEquals(
        List.of(
            "register movielens-mf/v1",
            "register movielens-mf/v2",
            "promote movielens-mf/v" + earlier,
            "status movielens-mf/v" + earlier,
            "promote movielens-mf/v" + later),
        job.auditActions());
    assertEquals("DEPLOYED", detail(2).path("status").asText(), "the earlier one served");
    assertEquals(String.valueOf(earlier), detail(4).path("from").asText());
    assertEquals("DEPLOYED", detail(4).path("status").asText(), "the later one serves");
  }

  @Test
  void aJobThatFailsAfterTheOtherStagedLeavesTheOthersReleaseServingItsOwnRevision()
      throws Exception {
    String r1 = stage("job-1");
    String r2 = stage("job-2");
    run.commit("job-2", VertexJobFixture.finalStatus("FAILED"), Map.of("promotion.policy", "auto"));
    assertEquals(List.of(OLD_REVISION + "=100"), traffic());
    assertEquals(r2, service().getTemplate().getRevision(), "job 2's is the latest revision");

    job.promoteAuto(run, "job-1");

    assertEquals(List.of(r1 + "=100"), traffic());
    assertEquals(Optional.of(1), alias(ModelRegistry.CHAMPION));
    assertEquals(Optional.empty(), alias(ModelRegistry.PREVIOUS));
    assertEquals(VersionStatus.DEPLOYED, status(1), "the champion is the model that serves");
    assertEquals(VersionStatus.REJECTED, status(2));
    assertEquals(
        List.of("register movielens-mf/v1", "register movielens-mf/v2", "promote movielens-mf/v1"),
        job.auditActions());
  }

  @Test
  void aJobThatStagedNoRevisionMakesItsVersionChampionWithoutServing() throws Exception {
    job.register(run, "job-1", "auto", false); // deploy.enabled=false: nothing staged
    job.promoteAuto(run, "job-1");

    assertEquals(List.of(OLD_REVISION + "=100"), traffic());
    assertEquals(Optional.of(1), alias(ModelRegistry.CHAMPION));
    assertEquals(VersionStatus.PROMOTED, status(1));
  }

  /**
   * Cloud Run refuses the traffic move after the job's tables are published: the task fails saying
   * so, the model before still serves, the version awaits approval with the refusal as the audited
   * reason (a retried exit task leaves it there), and approving it deploys it.
   */
  @Test
  void aRefusedTrafficMoveLeavesTheVersionAwaitingApprovalAndApprovingItDeploysIt()
      throws Exception {
    String r1 = stage("job-1");
    cloudRun.failures.put(
        "UpdateService",
        Status.PERMISSION_DENIED.withDescription("Permission 'run.services.update' denied"));

    OperationFailedException e =
        assertThrows(OperationFailedException.class, () -> job.promoteAuto(run, "job-1"));
    assertTrue(
        e.getMessage()
            .startsWith(
                "movielens-mf/v1 is not deployed: Cloud Run did not move the traffic: deploy:"
                    + " cannot update Cloud Run service"),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith("(recopipe models approve 1 --profile gcp --comment \"...\" deploys it)"),
        e.getMessage());
    assertEquals(List.of(OLD_REVISION + "=100"), traffic(), "the model before still serves");
    assertEquals(VersionStatus.AWAITING_APPROVAL, status(1));
    assertEquals(Optional.empty(), alias(ModelRegistry.CHAMPION));
    Approval approval = job.approvals.forRun("job-1").orElseThrow();
    assertEquals(ApprovalState.PENDING, approval.state());
    assertEquals(JobRegistry.ACTOR, approval.startedBy(), "requested by the job, not a person");
    assertEquals(
        List.of("register movielens-mf/v1", "request_approval movielens-mf/v1"),
        job.auditActions());
    assertTrue(
        detail(1)
            .path("review_required")
            .asText()
            .startsWith("Cloud Run did not move the traffic: deploy: cannot update"),
        detail(1).toString());

    cloudRun.failures.clear();
    job.promoteAuto(run, "job-1");
    assertEquals(List.of(OLD_REVISION + "=100"), traffic(), "a retried exit task leaves it there");
    assertEquals(VersionStatus.AWAITING_APPROVAL, status(1));
    assertEquals(1, job.bq.approvals.size());

    job.promotions(target)
        .approve(
            PIPELINE,
            1,
            new Reviewer("alice", VertexJobFixture.NOW, false, false),
            "retry",
            VertexJobFixture.QUIET);

    assertEquals(List.of(r1 + "=100"), traffic(), "the staged revision serves");
    assertApprovedVersionOneServes();
  }

  /**
   * A reviewer's approval stages the revision before it decides and moves traffic last: a deploy
   * that fails before any traffic moved leaves the approval pending; a traffic move Cloud Run
   * refuses after the decision leaves the version APPROVED, and approving it again finishes the
   * deploy (four-eyes still holds), with the approval decided and audited once.
   */
  @Test
  void anApprovalMovesTrafficLastAndAnUnfinishedOneIsFinishedByApprovingAgain() throws Exception {
    job.register(run, "job-1", "review", false);
    run.commit(
        "job-1",
        VertexJobFixture.finalStatus("SUCCEEDED"),
        Map.of(
            "promotion.policy",
            "review",
            "promotion.expires_after",
            "PT72H",
            JobVersions.SUBMITTED_BY,
            "carol"));
    var promotions = job.promotions(target);
    cloudRun.failures.put("UpdateService", Status.UNAVAILABLE.withDescription("try later"));

    OperationFailedException notApproved =
        assertThrows(OperationFailedException.class, () -> approve(promotions, "alice"));
    assertTrue(notApproved.getMessage().startsWith("movielens-mf/v1 was not approved"));
    assertEquals(ApprovalState.PENDING, job.approvals.forRun("job-1").orElseThrow().state());
    assertEquals(VersionStatus.AWAITING_APPROVAL, status(1));

    cloudRun.failures.clear();
    cloudRun.failures.put("ListRevisions", Status.UNAVAILABLE.withDescription("try later"));
    OperationFailedException unfinished =
        assertThrows(OperationFailedException.class, () -> approve(promotions, "alice"));
    assertTrue(
        unfinished.getMessage().endsWith("; approve it again to finish the deploy"),
        unfinished.getMessage());
    assertEquals(List.of(OLD_REVISION + "=100"), traffic(), "traffic moved nowhere");
    assertEquals(VersionStatus.APPROVED, status(1));
    assertEquals(Optional.empty(), alias(ModelRegistry.CHAMPION));

    cloudRun.failures.clear();
    ReviewException starter =
        assertThrows(ReviewException.class, () -> approve(promotions, "carol"));
    assertEquals(ReviewException.Kind.FORBIDDEN, starter.kind());
    approve(promotions, "bob");

    assertEquals(1, traffic().size());
    assertTrue(traffic().get(0).startsWith("recommender-m-"), traffic().toString());
    assertEquals("alice", job.approvals.forRun("job-1").orElseThrow().decidedBy().orElseThrow());
    assertApprovedVersionOneServes();
  }

  /** Version 1 is the serving champion, its approval and deploy audited once each. */
  private void assertApprovedVersionOneServes() {
    assertEquals(Optional.of(1), alias(ModelRegistry.CHAMPION));
    assertEquals(VersionStatus.DEPLOYED, status(1));
    assertEquals(
        List.of(
            "register movielens-mf/v1",
            "request_approval movielens-mf/v1",
            "approve movielens-mf/v1",
            "promote movielens-mf/v1",
            "deploy movielens-mf/v1"),
        job.auditActions());
  }

  private static void approve(GcpPromotions promotions, String reviewer) throws Exception {
    promotions.approve(
        PIPELINE,
        1,
        new Reviewer(reviewer, VertexJobFixture.NOW, false, false),
        "looks right",
        VertexJobFixture.QUIET);
  }

  /** Registers job {@code id}'s version and stages its revision; returns the revision's name. */
  private String stage(String id) throws Exception {
    job.register(run, id, "auto", true);
    RegisteredVersion v = job.registry.forRun(PIPELINE, id).orElseThrow();
    Map<String, Object> staged =
        target.stage(
            new DeployRequest(
                v.imageUri().orElseThrow(), v.modelVersion(), id, "recommender_model", 0));
    assertEquals(false, staged.get("traffic_moved"));
    return (String) staged.get("revision");
  }

  private Service service() throws Exception {
    return cloudRun
        .clients()
        .services()
        .getService(
            ServiceName.of(ReleaseJobMain.PROJECT, ReleaseJobMain.REGION, ReleaseJobMain.SERVICE));
  }

  /** The service's traffic as {@code [revision=percent]}, shares above 0 only. */
  private List<String> traffic() throws Exception {
    return service().getTrafficList().stream()
        .filter(t -> t.getPercent() > 0)
        .map(t -> t.getRevision() + "=" + t.getPercent())
        .toList();
  }

  /** The revisions traffic was moved to after the old one, in order (each update sending 100 %). */
  private List<String> trafficMoves() {
    return cloudRun.requests(UpdateServiceRequest.class).stream()
        .map(u -> u.getService().getTraffic(0).getRevision())
        .filter(r -> !r.equals(OLD_REVISION))
        .distinct()
        .toList();
  }

  private String previousRevision() throws Exception {
    return service().getAnnotationsMap().get(CloudRunDeployTarget.PREVIOUS_ANNOTATION);
  }

  private Optional<Integer> alias(String alias) {
    return job.registry.alias(PIPELINE, alias).map(RegisteredVersion::version);
  }

  private VersionStatus status(int version) {
    return job.registry.find(PIPELINE, version).orElseThrow().status();
  }

  private com.fasterxml.jackson.databind.JsonNode detail(int row) {
    return Json.parse(job.bq.audit.get(row).get("detail"));
  }
}
