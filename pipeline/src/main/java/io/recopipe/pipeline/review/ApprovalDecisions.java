package io.recopipe.pipeline.review;

import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.VersionStatus;
import java.time.Instant;
import java.util.List;

/**
 * An approval's request or decision together with the status it gives the version, on whichever
 * registry holds that version (the home's, or the Vertex AI Model Registry of a gcp run): the
 * approval records only the decision, and the caller that decides (the runner's gate, the reviewer
 * actions, the expiry timer) moves the status through {@link ModelRegistry#setStatus} here.
 *
 * <p>Both happen in one {@link Approvals#atomically} unit of work: with the home's SQLite approvals
 * and the home's registry that is one {@code BEGIN IMMEDIATE} transaction (as before the status
 * moved out of the approvals), and with a registry in Vertex AI a failed label update rolls the
 * home's approval back. BigQuery approvals have no transaction: the decision (the compare-and-set
 * that picks the one winner) comes first and the label follows it.
 */
public final class ApprovalDecisions {
  private final Approvals approvals;
  private final ModelRegistry registry;

  /** Decisions recorded in {@code approvals}, versions' statuses moved in {@code registry}. */
  public ApprovalDecisions(Approvals approvals, ModelRegistry registry) {
    this.approvals = approvals;
    this.registry = registry;
  }

  /** The approvals decisions are recorded in. */
  public Approvals approvals() {
    return approvals;
  }

  /**
   * Records that {@code version} waits for review ({@link Approvals#request}) and marks it
   * AWAITING_APPROVAL.
   */
  public Approval request(
      String pipeline,
      int version,
      String runId,
      String startedBy,
      Instant now,
      Instant expiresAt,
      List<String> reasons) {
    try {
      return approvals.atomically(
          () -> {
            Approval requested =
                approvals.request(pipeline, version, runId, startedBy, now, expiresAt, reasons);
            registry.setStatus(pipeline, version, VersionStatus.AWAITING_APPROVAL, "system:runner");
            return requested;
          });
    } catch (ReviewException e) {
      throw new IllegalStateException("a request is never refused", e);
    }
  }

  /**
   * Decides a PENDING approval ({@link Approvals#decide}) and gives the version the status of the
   * decision (APPROVED, REJECTED or EXPIRED); a refused decision changes neither.
   */
  public Approval decide(
      String pipeline,
      int version,
      ApprovalState decision,
      String actor,
      String comment,
      Instant now)
      throws ReviewException {
    return approvals.atomically(
        () -> {
          Approval decided = approvals.decide(pipeline, version, decision, actor, comment, now);
          registry.setStatus(pipeline, version, VersionStatus.valueOf(decision.name()), actor);
          return decided;
        });
  }

  /**
   * Expires {@code approval} when it is due ({@link Approvals#expire}) and marks its version
   * EXPIRED; returns whether this call expired it.
   */
  public boolean expire(Approval approval, Instant now) {
    try {
      return approvals.atomically(
          () -> {
            if (!approvals.expire(approval, now)) {
              return false;
            }
            registry.setStatus(
                approval.pipeline(),
                approval.version(),
                VersionStatus.EXPIRED,
                Approvals.EXPIRY_ACTOR);
            return true;
          });
    } catch (ReviewException e) {
      throw new IllegalStateException("an expiry is never refused", e);
    }
  }
}
