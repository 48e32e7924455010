package io.recopipe.pipeline.cli;

/**
 * The documented exit codes, distinct so that schedulers and scripts can branch on them; those of
 * failures come from the exception's {@link io.recopipe.model.error.FailureKind}.
 */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;

  /** An operation failed (a service, a lock, the disk, a run that cannot resume). */
  public static final int FAILED = 1;

  /** Bad input: a malformed file, an invalid option, a missing path, a bad command line. */
  public static final int BAD_INPUT = 2;

  /** The run ended GATED: the model was not blessed, so nothing downstream of the gate ran. */
  public static final int GATED = 3;

  /** A deploy failed a check and was rolled back; the previous revision keeps serving. */
  public static final int ROLLED_BACK = 4;

  /** The model is blessed and the run waits for a reviewer ({@code promotion: review}). */
  public static final int AWAITING_APPROVAL = 5;

  /** A reviewer rejected the waiting model; nothing was deployed. */
  public static final int REJECTED = 6;

  /** The approval expired before anyone decided; nothing was deployed. */
  public static final int EXPIRED = 7;

  /**
   * A review action was refused: no or a wrong token, the four-eyes rule, an approval already
   * decided or expired, an unknown version, nothing to roll back, or a reviewer or policy change
   * without an admin's token.
   */
  public static final int REFUSED = 8;

  /** {@code recopipe audit verify} found a row that does not verify: the log was tampered with. */
  public static final int AUDIT_BROKEN = 9;

  /** A bug in recopipe: an exception no check anticipated ({@code RECOPIPE_DEBUG=1} shows it). */
  public static final int INTERNAL = 70;

  private ExitCodes() {}
}
