package io.recopipe.pipeline.review;

/** The state of one approval request, from waiting to a final decision. */
public enum ApprovalState {
  /** Waiting for a reviewer. */
  PENDING,
  /** Approved; the run resumed to deploy. */
  APPROVED,
  /** Rejected; nothing deployed. */
  REJECTED,
  /** Nobody decided before {@code expires_at}. */
  EXPIRED
}
