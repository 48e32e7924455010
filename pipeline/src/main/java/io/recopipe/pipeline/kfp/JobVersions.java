package io.recopipe.pipeline.kfp;

import io.recopipe.pipeline.config.PromotionPolicy;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.registry.VersionStatus;
import io.recopipe.pipeline.review.Approval;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the exit task does with the version the job's {@code register} task registered, so a Vertex
 * job keeps the local runner's rule that a run's effects appear together or not at all: when the
 * job succeeded and its policy is {@code review}, it marks the version AWAITING_APPROVAL and
 * requests the approval (the job then ends awaiting a reviewer); when the job failed, a version
 * that was never promoted is marked REJECTED so that no reviewer can deploy a model whose tables
 * were dropped.
 */
final class JobVersions {
  /** Who the exit task's changes are attributed to. */
  static final String ACTOR = "system:commit";

  private final String pipeline;
  private final JobRegistry jobs;
  private final PrintStream out;

  JobVersions(String pipeline, JobRegistry jobs, PrintStream out) {
    this.pipeline = pipeline;
    this.jobs = jobs;
    this.out = out;
  }

  /**
   * The {@code promotion.*} parameters the compiler passes to the register and exit tasks: the
   * policy as {@code auto}/{@code review} and the expiry as ISO-8601, read once by the typed
   * reader.
   */
  static Map<String, String> parameters(PromotionPolicy policy) {
    Map<String, String> values = new TreeMap<>();
    values.put(PromotionPolicy.POLICY, policy.reviewed() ? "review" : "auto");
    values.put(PromotionPolicy.EXPIRES_AFTER, policy.expiresAfter().toString());
    return values;
  }

  /** After a SUCCEEDED job: under review, the version awaits approval; returns it, if any. */
  Optional<RegisteredVersion> succeeded(String runId, PromotionPolicy policy) {
    Optional<RegisteredVersion> found = jobs.registry().forRun(pipeline, runId);
    if (found.isEmpty() || !policy.reviewed()) {
      return found;
    }
    RegisteredVersion v = found.get();
    String subject = ModelRegistry.subject(pipeline, v.version());
    // status first: a retried exit task finds it set and requests the approval it missed
    if (v.status() == VersionStatus.REGISTERED) {
      jobs.registry()
          .setStatus(pipeline, v.version(), VersionStatus.AWAITING_APPROVAL, JobRegistry.ACTOR);
    }
    Optional<Approval> approval = jobs.approvals().forRun(runId);
    if (approval.isEmpty()) {
      Instant now = jobs.clock().instant();
      approval =
          Optional.of(
              jobs.approvals()
                  .request(
                      pipeline,
                      v.version(),
                      runId,
                      JobRegistry.ACTOR,
                      now,
                      now.plus(policy.expiresAfter())));
    }
    out.println(
        "[commit] "
            + subject
            + " awaits approval until "
            + approval.get().expiresAt()
            + ": recopipe models approve "
            + v.version()
            + " --profile gcp --comment \"...\" (or reject)");
    return found;
  }

  /** After a job that did not succeed: a version it registered and never promoted is REJECTED. */
  void failed(String runId, String state) {
    Optional<RegisteredVersion> found = jobs.registry().forRun(pipeline, runId);
    if (found.isEmpty()) {
      return;
    }
    RegisteredVersion v = found.get();
    String subject = ModelRegistry.subject(pipeline, v.version());
    if (v.status() == VersionStatus.DEPLOYED || v.status() == VersionStatus.PROMOTED) {
      out.println(
          "[commit] "
              + subject
              + " was promoted before the job ended "
              + state
              + " (its deploy had moved traffic already); it stays champion");
      return;
    }
    if (v.status() != VersionStatus.REJECTED) {
      jobs.registry().setStatus(pipeline, v.version(), VersionStatus.REJECTED, ACTOR);
    }
    out.println(
        "[commit] "
            + subject
            + " is marked rejected: the job ended "
            + state
            + ", nothing serves it");
  }
}
