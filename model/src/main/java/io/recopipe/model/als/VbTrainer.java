package io.recopipe.model.als;

import io.recopipe.model.data.CsrView;
import io.recopipe.model.data.Ratings;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link TrainingMethod#VB} loop (Lim &amp; Teh 2007, "Variational Bayesian approach to movie
 * rating prediction"; Raiko, Ilin &amp; Karhunen 2007, VB-PCA): like ALS it alternates users and
 * items, but each row keeps a diagonal Gaussian posterior, and after each half-step the
 * hyperparameters are set to their variational-EM optima, so nothing but the start needs tuning:
 * one prior variance σ_f² per factor dimension and side (automatic relevance determination, {@code
 * σ_f² = mean of E[x_f²]}), one per side for the intercepts, and the noise variance {@code τ² =
 * mean of E[(r − r̂)²]}. The model keeps the posterior means, which is BigQuery ML's form, and
 * under the factorized posterior E[r̂] is exactly their dot product plus intercepts. Every step
 * maximizes the same variational bound, so its negative (the {@code objective}) never rises.
 */
final class VbTrainer {
  /** The noise variance τ² the first half-step assumes (MovieLens residuals are near 0.8). */
  static final double INITIAL_NOISE = 1.0;

  private VbTrainer() {}

  /** The fitted means and the iterations' rows. */
  record Fit(
      FactorSide users, FactorSide items, List<TrainingIteration> info, boolean stoppedEarly) {}

  /**
   * Fits with {@code l2_reg} and {@code intercept_l2_reg} as the starting λ = τ²/σ² of the factors
   * and intercepts; {@code l2_reg_mode} does not apply, since the variances already scale each
   * row's shrinkage. Early stopping watches the objective, as the plain training MSE of a Bayesian
   * fit may rise while the bound improves.
   */
  static Fit fit(
      AlsOptions options, Ratings train, Ratings eval, TrainingListener listener, int k, float mu) {
    CsrView byUser = train.byUser();
    CsrView byItem = train.byItem();
    FactorSide users = new FactorSide(train.users().size(), k);
    FactorSide items = new FactorSide(train.items().size(), k);
    items.randomize(options.seed(), AlsTrainer.INIT_SCALE);
    VbHalfStep.Posterior userPost = new VbHalfStep.Posterior(users.rows, k);
    VbHalfStep.Posterior itemPost = VbHalfStep.Posterior.of(items);
    double noise = INITIAL_NOISE;
    double[] userPrior = initialPrior(k, noise, options);
    double[] itemPrior = initialPrior(k, noise, options);
    double[] lambdas = new double[k];
    long n = train.size();
    List<TrainingIteration> info = new ArrayList<>();
    boolean stoppedEarly = false;
    try (ParallelRows parallel = new ParallelRows(options.threads())) {
      VbHalfStep half = new VbHalfStep(parallel);
      EvalSet evalSet = eval == null ? null : new EvalSet(eval, train.users(), train.items());
      double previous = Double.NaN;
      for (int iteration = 0; iteration < options.maxIterations(); iteration++) {
        long iterationStart = System.nanoTime();
        if (iteration == 0) {
          KernelWarmup.startInBackground(); // meanwhile the plain kernels run (the same bits)
        }
        VbHalfStep.Sums userSums =
            half.run(
                byUser,
                mu,
                items,
                itemPost,
                users,
                userPost,
                lambdas(userPrior, noise, lambdas),
                noise / userPrior[k],
                noise,
                false);
        double userKl = updatePrior(userPrior, userSums);
        VbHalfStep.Sums itemSums =
            half.run(
                byItem,
                mu,
                users,
                userPost,
                items,
                itemPost,
                lambdas(itemPrior, noise, lambdas),
                noise / itemPrior[k],
                noise,
                true);
        double itemKl = updatePrior(itemPrior, itemSums);
        noise = itemSums.expectedSquaredError() / n;
        double loss = itemSums.squaredError() / n;
        double objective = (0.5 * n * (Math.log(2 * Math.PI * noise) + 1) + userKl + itemKl) / n;
        double evalLoss =
            evalSet == null ? Double.NaN : evalSet.meanSquaredError(parallel, mu, users, items);
        TrainingIteration row =
            new TrainingIteration(
                iteration,
                loss,
                evalLoss,
                objective,
                (System.nanoTime() - iterationStart) / 1_000_000);
        info.add(row);
        listener.iterationDone(row);
        if (options.earlyStop()
            && iteration > 0
            && (previous - objective) / Math.abs(previous) < options.minRelProgress()) {
          stoppedEarly = iteration < options.maxIterations() - 1;
          break;
        }
        previous = objective;
      }
    }
    return new Fit(users, items, info, stoppedEarly);
  }

  private static double[] initialPrior(int k, double noise, AlsOptions options) {
    double[] prior = new double[k + 1];
    java.util.Arrays.fill(prior, 0, k, noise / options.l2Reg());
    prior[k] = noise / options.resolvedInterceptL2Reg();
    return prior;
  }

  private static double[] lambdas(double[] prior, double noise, double[] out) {
    for (int f = 0; f < out.length; f++) {
      out[f] = noise / prior[f];
    }
    return out;
  }

  /**
   * Sets each prior variance to the mean second moment over rows with ratings (its EM optimum) and
   * returns the side's KL divergence from the prior at that optimum, {@code ½ Σ_rows Σ_f (log σ_f²
   * − log s_f)} (the quadratic terms cancel there).
   */
  private static double updatePrior(double[] prior, VbHalfStep.Sums sums) {
    long rows = sums.rowsWithData();
    if (rows == 0) {
      return 0;
    }
    double[] moments = sums.moments();
    double logPrior = 0;
    for (int f = 0; f < prior.length; f++) {
      prior[f] = moments[f] / rows;
      logPrior += Math.log(prior[f]);
    }
    return 0.5 * (rows * logPrior - sums.logVariance());
  }
}
