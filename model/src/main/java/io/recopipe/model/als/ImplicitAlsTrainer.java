package io.recopipe.model.als;

import io.recopipe.model.data.Ratings;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.mf.MfModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits BigQuery ML's implicit matrix-factorization model by weighted ALS (Hu, Koren &amp; Volinsky
 * 2008, "Collaborative Filtering for Implicit Feedback Datasets"), because implicit data has only
 * positives: every user×item pair enters the loss {@code Σ c (p − xᵀy)² + λ(Σ‖x‖² + Σ‖y‖²)} with
 * preference p = 1 and confidence c = 1 + wals_alpha·r for an observed interaction, p = 0 and c = 1
 * otherwise. Rows are solved by {@link ConjugateGradientSolver} (Takács et al. 2011, the default)
 * or exactly by {@link CholeskyImplicitSolver}; {@code l2_reg_mode: weighted} scales λ by n^e per
 * row as in ALS-WR (Zhou et al. 2008).
 *
 * <p>The model has no intercepts: the global intercept is 0 as in BigQuery ML's implicit models,
 * and user and item intercepts are 0 too, so predictions are xᵀy (a confidence-weighted preference,
 * about 0..1) and the exported model keeps the explicit model's form. ML.TRAINING_INFO's {@code
 * loss} is the weighted squared error above over all pairs, divided by the number of interactions;
 * {@code objective} adds the regularization; {@code eval_loss} is the mean of (1 − xᵀy)² over the
 * eval split's positives. Deterministic for any thread count.
 */
final class ImplicitAlsTrainer {
  private ImplicitAlsTrainer() {}

  /** Fits on {@code train}; {@code eval} (may be null) is reported as {@code eval_loss}. */
  static AlsResult fit(
      AlsOptions options, Ratings train, Ratings eval, TrainingListener listener, long started) {
    int k = options.resolvedNumFactors(train.size());
    ConfidenceRows byUser =
        ConfidenceRows.of(train.byUser(), options.walsAlpha(), options.positiveThreshold());
    ConfidenceRows byItem =
        ConfidenceRows.of(train.byItem(), options.walsAlpha(), options.positiveThreshold());
    if (byUser.size() == 0) {
      throw new InvalidInputException(
          "no implicit interactions: every training rating is "
              + "below positive_threshold "
              + options.positiveThreshold()
              + " or not above 0");
    }
    double interactions = byUser.size();
    FactorSide users = new FactorSide(train.users().size(), k);
    FactorSide items = new FactorSide(train.items().size(), k);
    items.randomize(options.seed(), AlsTrainer.INIT_SCALE);
    List<TrainingIteration> info = new ArrayList<>();
    boolean stoppedEarly = false;
    try (ParallelRows parallel = new ParallelRows(options.threads())) {
      ImplicitHalfStep half = new ImplicitHalfStep(parallel, options);
      ImplicitEvalSet evalSet =
          eval == null
              ? null
              : new ImplicitEvalSet(
                  eval, train.users(), train.items(), options.positiveThreshold());
      EarlyStop earlyStop = new EarlyStop(options);
      for (int iteration = 0; iteration < options.maxIterations(); iteration++) {
        long iterationStart = System.nanoTime();
        ImplicitHalfStep.Sums userSums = half.run(byUser, items, users, false);
        ImplicitHalfStep.Sums itemSums = half.run(byItem, users, items, true);
        double loss = itemSums.weightedLoss() / interactions;
        double objective =
            (itemSums.weightedLoss() + userSums.regularization() + itemSums.regularization())
                / interactions;
        double evalLoss = evalSet == null ? Double.NaN : evalSet.meanSquaredError(users, items);
        TrainingIteration row =
            new TrainingIteration(
                iteration,
                loss,
                evalLoss,
                objective,
                (System.nanoTime() - iterationStart) / 1_000_000);
        info.add(row);
        listener.iterationDone(row);
        if (earlyStop.after(iteration, loss)) {
          stoppedEarly = iteration < options.maxIterations() - 1;
          break;
        }
      }
    }
    MfModel model =
        new MfModel(
            train.users(),
            train.items(),
            k,
            0f,
            users.factors,
            users.intercepts,
            items.factors,
            items.intercepts);
    return new AlsResult(
        model,
        options,
        k,
        List.copyOf(info),
        stoppedEarly,
        train.fingerprint(),
        train.size(),
        (System.nanoTime() - started) / 1e9,
        flops(options, byUser.size(), users.rows + items.rows, k, info.size()));
  }

  /**
   * Counts a fit's floating-point work: per side the Gram (k² per row of the fixed side), and per
   * interaction 4k·(steps + 1) for conjugate gradient or k² + 2k for Cholesky, plus per row
   * 2k²·(steps + 1) or k³/3 + 2k².
   */
  static double flops(AlsOptions options, long interactions, long rows, int k, int iterations) {
    double kk = (double) k * k;
    boolean cg = options.implicitSolver() == ImplicitSolver.CG;
    double steps = options.cgSteps() + 1.0;
    double perInteraction = cg ? 4.0 * k * steps : kk + 2.0 * k;
    double perRow = kk + (cg ? 2 * kk * steps : kk * k / 3 + 2 * kk);
    return iterations * 2.0 * (interactions * perInteraction + rows * perRow / 2);
  }
}
