package io.recopipe.model.als;

import io.recopipe.model.data.CsrView;
import io.recopipe.model.data.Ratings;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link TrainingMethod#GIBBS} loop, Bayesian probabilistic matrix factorization (Salakhutdinov
 * &amp; Mnih 2008, "Bayesian probabilistic matrix factorization using Markov chain Monte Carlo")
 * with intercepts; it exists because averaging predictions over the posterior beats any single
 * point estimate, and an average of S models of BigQuery ML's form is itself one such model with
 * the S factor blocks concatenated (each scaled by 1/√S) and the intercepts averaged, so the
 * posterior-mean predictor is exported exactly with {@code num_factors} = S·k.
 *
 * <p>Each sweep draws every user's (factors, intercept) from its Gaussian conditional, then that
 * side's Normal–Wishart hyperparameters, then the items and theirs, then the noise precision α from
 * its Gamma(1, 1)-prior conditional. The kept sweeps ({@link SampleSchedule}) contribute the drawn
 * users and the items' conditional means given them (Rao–Blackwellized: the same posterior-mean
 * estimate with less Monte Carlo noise). {@code l2_reg} and {@code intercept_l2_reg} only set the
 * first sweep's prior precisions, with noise variance {@link VbTrainer#INITIAL_NOISE}; {@code
 * l2_reg_mode} does not apply, as the drawn precisions already set each side's shrinkage, and
 * neither does {@code early_stop}, as the schedule is fixed. A row without ratings is exported as
 * zero, the cold-start prediction.
 *
 * <p>ML.TRAINING_INFO per sweep: {@code loss} and {@code eval_loss} are the training and eval MSE
 * of the packed average of the samples kept so far (of the current draw before the first is kept),
 * and {@code objective} is the training MSE of the current draw, which shows the chain's mixing.
 */
final class GibbsTrainer {
  /**
   * The Normal–Wishart prior's β₀, as in Salakhutdinov &amp; Mnih (results barely depend on it).
   */
  static final double BETA0 = 2;

  /** The key {@link RandomStreams} uses for the noise draw, after the user and item sides. */
  private static final int NOISE_SIDE = 2;

  private GibbsTrainer() {}

  /** The packed model sides, the per-sample factor count, and the sweeps' rows. */
  record Fit(FactorSide users, FactorSide items, int sampleFactors, List<TrainingIteration> info) {}

  /**
   * Fits with {@code numFactors} exported factors, {@code options.numSamples()} samples of them.
   */
  static Fit fit(
      AlsOptions options,
      Ratings train,
      Ratings eval,
      TrainingListener listener,
      int numFactors,
      float mu) {
    int samples = options.numSamples();
    int k = numFactors / samples;
    SampleSchedule schedule =
        new SampleSchedule(options.maxIterations(), options.resolvedBurnInIterations(), samples);
    long seed = options.seed();
    CsrView byUser = train.byUser();
    CsrView byItem = train.byItem();
    FactorSide users = new FactorSide(train.users().size(), k);
    FactorSide items = new FactorSide(train.items().size(), k);
    FactorSide itemMeans = new FactorSide(items.rows, k);
    items.randomize(seed, AlsTrainer.INIT_SCALE);
    double alpha = 1 / VbTrainer.INITIAL_NOISE;
    RowPrior userPrior =
        RowPrior.isotropic(k, options.l2Reg() * alpha, options.resolvedInterceptL2Reg() * alpha);
    RowPrior itemPrior = userPrior;
    NormalWishart hyperprior = new NormalWishart(k, BETA0);
    PackedAverage packed = new PackedAverage(users.rows, items.rows, k, samples);
    long n = train.size();
    List<TrainingIteration> info = new ArrayList<>();
    try (ParallelRows parallel = new ParallelRows(options.threads())) {
      GibbsHalfStep half = new GibbsHalfStep(parallel, seed);
      EvalSet evalSet = eval == null ? null : new EvalSet(eval, train.users(), train.items());
      EvalSet trainSet = null;
      double packedLoss = Double.NaN;
      for (int iteration = 0; iteration < schedule.total(); iteration++) {
        long start = System.nanoTime();
        if (iteration == 0) {
          KernelWarmup.startInBackground(); // meanwhile the plain kernels run (the same bits)
        }
        boolean keep = schedule.keeps(iteration);
        GibbsHalfStep.Sums userSums =
            half.run(
                iteration,
                RandomStreams.USERS,
                byUser,
                mu,
                items,
                users,
                userPrior,
                alpha,
                false,
                null);
        userPrior =
            hyperprior.sample(
                userSums,
                userPrior,
                RandomStreams.of(seed, iteration, RandomStreams.USERS, RandomStreams.WHOLE));
        GibbsHalfStep.Sums itemSums =
            half.run(
                iteration,
                RandomStreams.ITEMS,
                byItem,
                mu,
                users,
                items,
                itemPrior,
                alpha,
                true,
                keep ? itemMeans : null);
        itemPrior =
            hyperprior.sample(
                itemSums,
                itemPrior,
                RandomStreams.of(seed, iteration, RandomStreams.ITEMS, RandomStreams.WHOLE));
        alpha =
            noisePrecision(
                itemSums.squaredError(),
                n,
                RandomStreams.of(seed, iteration, NOISE_SIDE, RandomStreams.WHOLE));
        double sampleLoss = itemSums.squaredError() / n;
        if (keep) {
          packed.add(users, itemMeans);
          if (trainSet == null) {
            trainSet = new EvalSet(train, train.users(), train.items());
          }
          packedLoss = trainSet.meanSquaredError(parallel, mu, packed.users(), packed.items());
        }
        boolean anyKept = packed.count() > 0;
        FactorSide reportUsers = anyKept ? packed.users() : users;
        FactorSide reportItems = anyKept ? packed.items() : items;
        double evalLoss =
            evalSet == null
                ? Double.NaN
                : evalSet.meanSquaredError(parallel, mu, reportUsers, reportItems);
        TrainingIteration row =
            new TrainingIteration(
                iteration,
                anyKept ? packedLoss : sampleLoss,
                evalLoss,
                sampleLoss,
                (System.nanoTime() - start) / 1_000_000);
        info.add(row);
        listener.iterationDone(row);
      }
    }
    return new Fit(packed.users(), packed.items(), k, info);
  }

  /** Draws α ~ Gamma(1 + n/2, 1 + SSE/2), the noise precision's conditional under Gamma(1, 1). */
  private static double noisePrecision(
      double squaredError, long n, java.util.SplittableRandom random) {
    return RandomStreams.gamma(random, 1 + 0.5 * n) / (1 + 0.5 * squaredError);
  }
}
