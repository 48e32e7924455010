package io.recopipe.model.als;

/**
 * How implicit ALS solves each row's weighted least-squares system: both reach the same objective,
 * at different costs, so the choice is a speed setting measured by {@code recopipe bench implicit}.
 */
public enum ImplicitSolver {
  /**
   * A few conjugate-gradient steps warm-started from the row's previous factors (Takács, Pilászy
   * &amp; Tikk 2011, "Applications of the conjugate gradient method for implicit feedback
   * collaborative filtering"), O(steps·(n·k + k²)) per row with n the row's interactions.
   */
  CG,
  /** The exact solution by Cholesky, O(n·k² + k³) per row (Hu, Koren &amp; Volinsky 2008). */
  CHOLESKY;

  /** Parses {@code cg} or {@code cholesky}, case-insensitive. */
  public static ImplicitSolver parse(String text) {
    return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
  }

  /** The lowercase name used in configs and manifests. */
  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
