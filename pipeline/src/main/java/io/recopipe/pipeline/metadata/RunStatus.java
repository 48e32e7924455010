package io.recopipe.pipeline.metadata;

/**
 * How a run ended (or that it has not), distinct so schedulers can tell a gated run, which did its
 * job by refusing a worse model, from a failed one.
 */
public enum RunStatus {
  /** Started and not finished (or killed; see the recorded process id). */
  RUNNING,
  /** Every step ran or was reused. */
  SUCCEEDED,
  /** A gate did not bless the model, so nothing downstream of it ran. */
  GATED,
  /** A step failed; the message says which and why. */
  FAILED,
  /** A deploy failed a check and the previous revision kept serving; the message says why. */
  ROLLED_BACK,
  /** Blessed under {@code promotion: review}: the run waits for a reviewer; nothing deployed. */
  AWAITING_APPROVAL,
  /** A reviewer rejected the waiting model; nothing was deployed. */
  REJECTED,
  /** Nobody decided before the approval expired; nothing was deployed. */
  EXPIRED
}
