package io.recopipe.pipeline.cli;

/** The documented exit codes, distinct so that schedulers and scripts can branch on them. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** An unexpected failure (a bug or an environment problem); the message says which. */
  public static final int FAILED = 1;
  /** Bad input: a malformed file, an invalid option, a missing path, a bad command line. */
  public static final int BAD_INPUT = 2;
  /** The run ended GATED: the model was not blessed, so nothing downstream of the gate ran. */
  public static final int GATED = 3;
  /** A deploy failed a check and was rolled back; the previous revision keeps serving. */
  public static final int ROLLED_BACK = 4;

  private ExitCodes() {
  }
}
