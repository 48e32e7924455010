package io.recopipe.model.als;

/**
 * One row of ML.TRAINING_INFO, kept so that a run's convergence can be inspected and charted.
 *
 * @param iteration the iteration number, from 0 as BigQuery ML counts
 * @param loss training mean squared error over the seen ratings
 * @param evalLoss mean squared error on the eval set, NaN when none was given (NULL in SQL)
 * @param objective the regularized objective ALS minimizes, divided by the rating count; it never
 *     rises between iterations, unlike {@code loss}, which may rise slightly
 * @param durationMs wall time of the iteration in milliseconds
 */
public record TrainingIteration(
    int iteration, double loss, double evalLoss, double objective, long durationMs) {

  /** Whether an eval loss was computed. */
  public boolean hasEvalLoss() {
    return !Double.isNaN(evalLoss);
  }
}
