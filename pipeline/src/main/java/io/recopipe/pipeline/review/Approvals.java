package io.recopipe.pipeline.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The approval requests of blessed versions under {@code promotion: review}: each state change is a
 * compare-and-set (only a PENDING approval is decided, so of two reviewers exactly one decision
 * stands) and is written to the audit log with it. The home keeps them in SQLite ({@link
 * SqliteApprovals}), the gcp profile in BigQuery ({@link BigQueryApprovals}).
 *
 * <p>An approval records only the decision; the version's status in the model registry follows it
 * through {@link ApprovalDecisions}, which runs both in one {@link #atomically} unit of work.
 */
public interface Approvals {
  /** The actor recorded when an approval expires because nobody decided in time. */
  String EXPIRY_ACTOR = "system:expiry";

  /** Work that changes an approval and what follows from it. */
  @FunctionalInterface
  interface Work<T> {
    /** Does the work. */
    T run() throws ReviewException;
  }

  /**
   * Runs {@code work} as one unit with this store's changes: in the home's SQLite store, one {@code
   * BEGIN IMMEDIATE} transaction that the approval's change and every write to the same metadata
   * database inside {@code work} (the SQLite registry's status) join, so they commit or roll back
   * together, and a call to another service inside it (Vertex AI) that fails rolls the approval
   * back. Stores without transactions run {@code work} as it is (the default).
   */
  default <T> T atomically(Work<T> work) throws ReviewException {
    return work.run();
  }

  /**
   * Records that {@code version} (of run {@code runId}, started by {@code startedBy}) waits for
   * review until {@code expiresAt}.
   */
  default Approval request(
      String pipeline,
      int version,
      String runId,
      String startedBy,
      Instant now,
      Instant expiresAt) {
    return request(pipeline, version, runId, startedBy, now, expiresAt, List.of());
  }

  /** As above, recording in the audit entry why review is required ({@code reasons}). */
  Approval request(
      String pipeline,
      int version,
      String runId,
      String startedBy,
      Instant now,
      Instant expiresAt,
      List<String> reasons);

  /** The approval of {@code version}. */
  Optional<Approval> find(String pipeline, int version);

  /** The approval of run {@code runId}. */
  Optional<Approval> forRun(String runId);

  /** Every approval of {@code pipeline} in {@code state}, oldest first. */
  List<Approval> inState(String pipeline, ApprovalState state);

  /**
   * Moves a PENDING approval to {@code decision} (APPROVED, REJECTED or EXPIRED) by {@code actor}
   * and audits it. Refused (CONFLICT) when it is no longer PENDING, NOT_FOUND when there is none.
   */
  Approval decide(
      String pipeline,
      int version,
      ApprovalState decision,
      String actor,
      String comment,
      Instant now)
      throws ReviewException;

  /**
   * Expires {@code approval} as {@link #EXPIRY_ACTOR} when it is PENDING and {@code now} is at or
   * past its deadline; returns whether this call expired it (false: not due, or decided already).
   * The one expiry rule for the runner's gate, the reviewer actions and the server's timer.
   */
  default boolean expire(Approval approval, Instant now) {
    if (approval.state() != ApprovalState.PENDING || now.isBefore(approval.expiresAt())) {
      return false;
    }
    try {
      decide(
          approval.pipeline(),
          approval.version(),
          ApprovalState.EXPIRED,
          EXPIRY_ACTOR,
          "nobody decided before " + approval.expiresAt(),
          now);
      return true;
    } catch (ReviewException alreadyDecided) {
      return false;
    }
  }

  /** The one-line message of an expired approval. */
  static String expiredMessage(Approval approval) {
    return "approval of "
        + approval.pipeline()
        + " v"
        + approval.version()
        + " expired at "
        + approval.expiresAt()
        + "; nothing was deployed";
  }

  /** The audit action of a decision: approve, reject or expire. */
  static String action(ApprovalState decision) {
    return switch (decision) {
      case APPROVED -> "approve";
      case REJECTED -> "reject";
      case EXPIRED -> "expire";
      case PENDING -> "request_approval";
    };
  }
}
