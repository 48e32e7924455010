package io.recopipe.pipeline.review;

import io.recopipe.pipeline.metadata.MetadataStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes the {@code approvals} table; each state change is written together with its
 * audit entry and the registry version's status, so the three never disagree.
 */
public final class Approvals {
  private final MetadataStore store;

  /** Approvals in {@code store}. */
  public Approvals(MetadataStore store) {
    this.store = store;
  }

  /**
   * Records that {@code version} (of run {@code runId}, started by {@code startedBy}) waits for
   * review until {@code expiresAt}; the registry version becomes AWAITING_APPROVAL.
   */
  public Approval request(String pipeline, int version, String runId, String startedBy,
      Instant now, Instant expiresAt) {
    throw new UnsupportedOperationException("issue 5 " + store.file());
  }

  /** The approval of {@code version}. */
  public Optional<Approval> find(String pipeline, int version) {
    throw new UnsupportedOperationException("issue 5");
  }

  /** The approval of run {@code runId}. */
  public Optional<Approval> forRun(String runId) {
    throw new UnsupportedOperationException("issue 5");
  }

  /** Every approval of {@code pipeline} in {@code state}, oldest first. */
  public List<Approval> inState(String pipeline, ApprovalState state) {
    throw new UnsupportedOperationException("issue 5");
  }

  /**
   * Moves a PENDING approval to {@code decision} (APPROVED, REJECTED or EXPIRED) by
   * {@code actor}; the registry version's status follows and an audit entry is appended. Refused
   * (CONFLICT) when it is no longer PENDING.
   */
  public Approval decide(String pipeline, int version, ApprovalState decision, String actor,
      String comment, Instant now) throws ReviewException {
    throw new UnsupportedOperationException("issue 5");
  }
}
