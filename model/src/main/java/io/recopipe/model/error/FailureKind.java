package io.recopipe.model.error;

/**
 * What kind of failure stopped a command, and so its exit code: scripts and schedulers branch on
 * the code, and users read the label, so both live in one place instead of beside each catch.
 */
public enum FailureKind {
  /** Something outside the user's input failed (a service, a lock, the disk); exit code 1. */
  FAILED(1, "error"),
  /** The user's input is wrong (a file, a path, an option, a config, a format); exit code 2. */
  BAD_INPUT(2, "error"),
  /** A review action was refused (a token, the four-eyes rule, a decided approval); exit 8. */
  REFUSED(8, "refused"),
  /** A bug in recopipe: an unexpected exception no check anticipated; exit code 70. */
  INTERNAL(70, "internal error");

  private final int exitCode;
  private final String label;

  FailureKind(int exitCode, String label) {
    this.exitCode = exitCode;
    this.label = label;
  }

  /** The process exit code the CLI ends with. */
  public int exitCode() {
    return exitCode;
  }

  /**
   * The kind of an HTTP error status, for exceptions that answer a request: 401 and 403 refuse the
   * caller, any other 4xx is bad input, anything else a failure.
   */
  public static FailureKind ofHttpStatus(int status) {
    if (status == 401 || status == 403) {
      return REFUSED;
    }
    return status >= 400 && status < 500 ? BAD_INPUT : FAILED;
  }

  /** The word after {@code recopipe:} on the one error line, e.g. {@code refused}. */
  public String label() {
    return label;
  }
}
