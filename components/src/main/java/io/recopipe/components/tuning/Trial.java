package io.recopipe.components.tuning;

/**
 * One tuning trial as ML.TRIAL_INFO reports it: what was tried, how it scored on the validation
 * split and whether it won, so the trials table and the review page explain the chosen options.
 *
 * @param trialId 1-based, in the order the search produced the point
 * @param hyperparameters the tried {@code num_factors}, {@code l2_reg}, {@code wals_alpha}
 * @param objective the objective on the validation split (NaN when the trial failed)
 * @param trainingLoss the last iteration's training loss (NaN when it failed)
 * @param evalLoss the last iteration's validation MSE (NaN when it failed)
 * @param errorMessage why the trial failed, or null when it succeeded
 * @param optimal whether this is the best succeeded trial
 * @param durationMs the trial's wall time (training and scoring)
 */
public record Trial(
    int trialId,
    Hyperparameters hyperparameters,
    double objective,
    double trainingLoss,
    double evalLoss,
    String errorMessage,
    boolean optimal,
    long durationMs) {

  /** ML.TRIAL_INFO's status: SUCCEEDED or FAILED. */
  public String status() {
    return errorMessage == null ? "SUCCEEDED" : "FAILED";
  }

  /** This trial marked as the optimal one. */
  Trial asOptimal() {
    return new Trial(
        trialId,
        hyperparameters,
        objective,
        trainingLoss,
        evalLoss,
        errorMessage,
        true,
        durationMs);
  }
}
