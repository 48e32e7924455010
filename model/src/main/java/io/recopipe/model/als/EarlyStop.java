package io.recopipe.model.als;

/**
 * BigQuery ML's {@code early_stop} rule, shared by the explicit and implicit trainers: stop once an
 * iteration lowers the loss by less than {@code min_rel_progress} of the previous loss.
 */
final class EarlyStop {
  private final AlsOptions options;
  private double previous = Double.NaN;

  EarlyStop(AlsOptions options) {
    this.options = options;
  }

  /** Whether to stop after iteration {@code iteration} ended with {@code loss}. */
  boolean after(int iteration, double loss) {
    boolean stop =
        options.earlyStop()
            && iteration > 0
            && (previous - loss) / previous < options.minRelProgress();
    previous = loss;
    return stop;
  }
}
