package io.recopipe.pipeline.kfp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.recopipe.model.error.OperationFailedException;
import io.recopipe.model.io.Json;
import io.recopipe.pipeline.config.PromotionPolicy;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.registry.VersionStatus;
import io.recopipe.pipeline.review.Approval;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the exit task does with the version the job's {@code register} task registered, after the
 * job's tables are published, so a Vertex job keeps the local runner's rule that a run's effects
 * appear together or not at all: when the job succeeded under policy {@code review}, or its gate's
 * decision lists a {@code review_required} reason, it marks the version AWAITING_APPROVAL and
 * requests the approval (the job then ends awaiting a reviewer); under {@code auto} it moves the
 * traffic to the revision deploy staged ({@link JobRelease}) and then makes the version the
 * champion, the last actions of the job (should Cloud Run refuse that traffic move, the version
 * awaits approval instead, the refusal audited as the reason, so {@code models approve} finishes
 * it); when the job failed, a version that was never promoted is marked REJECTED so that no
 * reviewer can deploy a model whose tables were dropped.
 */
final class JobVersions {
  /** Who the exit task's changes are attributed to. */
  static final String ACTOR = "system:commit";

  /**
   * The root parameter naming who submitted the job ({@code recopipe submit}: the identity a local
   * run records as its starter; a Vertex AI schedule's jobs: {@code scheduler:NAME}), passed to the
   * exit task only: it is recorded as the approval's requester, whom four-eyes refuses as approver.
   * Empty (a spec submitted by other means without it): the job ({@link JobRegistry#ACTOR}) is the
   * requester.
   */
  static final String SUBMITTED_BY = "submitted_by";

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

  /**
   * The keys the exit task reads: the {@code promotion.*} parameters and {@value #SUBMITTED_BY}.
   */
  static List<String> commitKeys() {
    List<String> keys = new ArrayList<>(parameters(PromotionPolicy.DEFAULT).keySet());
    keys.add(SUBMITTED_BY);
    return List.copyOf(keys);
  }

  /**
   * The job's root parameters: {@code stepParameters} (those the exit handler's steps read) and
   * {@value #SUBMITTED_BY}, a STRING defaulting to empty that {@code submit} and a Vertex AI
   * schedule set as a job parameter value, so the spec's bytes do not depend on who compiled it.
   */
  static Map<String, ParameterTypes.Typed> rootParameters(
      Map<String, ParameterTypes.Typed> stepParameters) {
    Map<String, ParameterTypes.Typed> root = new TreeMap<>(stepParameters);
    root.put(
        SUBMITTED_BY,
        new ParameterTypes.Typed(ParameterTypes.STRING, JsonNodeFactory.instance.textNode("")));
    return root;
  }

  /**
   * After a SUCCEEDED job whose tables are published: the version awaits approval (policy review,
   * or its gate requires a reviewer), requested by {@code submittedBy} (blank: {@link
   * JobRegistry#ACTOR}), or, under auto, {@code release} moves the traffic to it and it becomes the
   * champion; returns it, if any.
   */
  Optional<RegisteredVersion> succeeded(
      String runId, PromotionPolicy policy, String submittedBy, JobRelease release) {
    Optional<RegisteredVersion> found = jobs.registry().forRun(pipeline, runId);
    if (found.isEmpty()) {
      return found;
    }
    if (found.get().status() == VersionStatus.REJECTED) {
      out.println(
          "[commit] "
              + ModelRegistry.subject(pipeline, found.get().version())
              + " was rejected when the job failed before; it is not promoted");
      return found;
    }
    List<String> reasons = reviewRequired(found.get().gateDecision());
    // AWAITING_APPROVAL under auto: an earlier attempt's release was refused and handed it over
    boolean handedOver =
        !policy.reviewed()
            && reasons.isEmpty()
            && found.get().status() == VersionStatus.AWAITING_APPROVAL;
    if (!policy.reviewed() && reasons.isEmpty() && !handedOver) {
      promote(found.get(), runId, policy, release);
      return found;
    }
    if (!policy.reviewed() && !reasons.isEmpty()) {
      out.println("[commit] the gate requires a review: " + String.join("; ", reasons));
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
                      submittedBy.isBlank() || handedOver ? JobRegistry.ACTOR : submittedBy.strip(),
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

  /**
   * Moves the traffic to {@code v} (when the job staged a revision for it) and then the champion
   * alias; a retry after the promotion finishes it if the earlier attempt stopped half-way, marks
   * it serving and audits what was not audited yet. When Cloud Run refuses the traffic move of a
   * version not yet champion, the version is handed to a reviewer ({@link #handOver}) and the task
   * fails saying so.
   */
  private void promote(
      RegisteredVersion v, String runId, PromotionPolicy policy, JobRelease release) {
    ModelRegistry registry = jobs.registry();
    Optional<Integer> before =
        registry.alias(pipeline, ModelRegistry.CHAMPION).map(RegisteredVersion::version);
    boolean served;
    try {
      served = release.release(v);
    } catch (OperationFailedException e) {
      if (before.isPresent() && before.get() == v.version()) {
        throw e; // champion already: an earlier attempt moved the traffic
      }
      throw handOver(v, runId, policy, e);
    }
    String reason = "auto promotion of run " + runId;
    JobAudit audit = new JobAudit(pipeline, jobs);
    if (before.isPresent() && before.get() == v.version()) {
      // a retry: finishes a promotion an earlier attempt began (nothing when it was complete)
      registry.promote(pipeline, v.version(), JobRegistry.ACTOR, reason, served);
      if (served) {
        registry.markServing(pipeline, v.version(), JobRegistry.ACTOR);
      }
      // a retry after the promotion: the champion before it is now the previous one
      Optional<Integer> from =
          registry.alias(pipeline, ModelRegistry.PREVIOUS).map(RegisteredVersion::version);
      audit.promoted(v.version(), from, reason, served, true);
      return;
    }
    registry.promote(pipeline, v.version(), JobRegistry.ACTOR, reason, served);
    audit.promoted(v.version(), before, reason, served, false);
    out.println(
        "[commit] champion of "
            + pipeline
            + " is now v"
            + v.version()
            + (served ? ", serving all traffic" : "; no revision of this job serves it"));
  }

  /**
   * After Cloud Run refused to move the traffic to {@code v} ({@code refused}), with the job's
   * tables published and the model before still serving: {@code v} awaits approval, requested by
   * the job ({@link JobRegistry#ACTOR}, so any reviewer may finish what the auto policy allowed)
   * with the refusal as the reason the audit entry records, and {@code models approve} deploys it.
   * Returns the failure the task ends with.
   */
  private OperationFailedException handOver(
      RegisteredVersion v, String runId, PromotionPolicy policy, OperationFailedException refused) {
    String subject = ModelRegistry.subject(pipeline, v.version());
    String why = "Cloud Run did not move the traffic: " + refused.getMessage();
    // status first: a retried exit task finds it set and requests the approval it missed
    jobs.registry()
        .setStatus(pipeline, v.version(), VersionStatus.AWAITING_APPROVAL, JobRegistry.ACTOR);
    if (jobs.approvals().forRun(runId).isEmpty()) {
      Instant now = jobs.clock().instant();
      jobs.approvals()
          .request(
              pipeline,
              v.version(),
              runId,
              JobRegistry.ACTOR,
              now,
              now.plus(policy.expiresAfter()),
              List.of(why));
    }
    String hint = "recopipe models approve " + v.version() + " --profile gcp --comment \"...\"";
    out.println(
        "[commit] "
            + subject
            + " is not deployed ("
            + why
            + "); the job's tables are published and the model before still serves;"
            + " it awaits approval: "
            + hint);
    return new OperationFailedException(
        subject + " is not deployed: " + why + "; it awaits approval (" + hint + " deploys it)",
        refused);
  }

  /** The {@code review_required} reasons of a recorded gate decision; empty when unreadable. */
  static List<String> reviewRequired(String decision) {
    List<String> reasons = new ArrayList<>();
    if (decision == null || decision.isBlank()) {
      return reasons;
    }
    try {
      Json.parse(decision).path("review_required").forEach(r -> reasons.add(r.asText()));
    } catch (IllegalArgumentException e) {
      return List.of();
    }
    return reasons;
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
              + " (a retried exit task had promoted it); it stays champion");
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
