package io.recopipe.model.als;

import io.recopipe.model.data.CsrView;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.mf.MfModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits BigQuery ML's explicit matrix-factorization model by alternating least squares (Zhou et al.
 * 2008, "Large-scale parallel collaborative filtering for the Netflix Prize"): each half-step
 * solves every user (then every item) exactly, factors and intercept together, so the regularized
 * objective never rises; {@code method: vb} fits the same model by variational Bayes instead
 * ({@link VbTrainer}), and {@code method: gibbs} by posterior sampling ({@link GibbsTrainer});
 * {@code feedback_type: implicit} fits the implicit model by weighted ALS ({@link
 * ImplicitAlsTrainer}, Hu, Koren &amp; Volinsky 2008); {@code method: auto} is resolved for the
 * training set first ({@link AutoMethod}). Deterministic: the same ratings, options and seed give
 * bit-identical factors for any thread count.
 */
public final class AlsTrainer {
  /** Standard deviation of the initial item factors. */
  static final double INIT_SCALE = 0.1;

  private final AlsOptions options;

  /** Creates a trainer with these options. */
  public AlsTrainer(AlsOptions options) {
    this.options = options;
  }

  /** The trainer's options. */
  public AlsOptions options() {
    return options;
  }

  /**
   * Gets the training kernels compiled by the JIT on this thread (once per JVM; a later call
   * returns at once), so a caller can start it on a background thread before a fit; a fit that
   * starts earlier uses the plain kernels until it ends. What any fit computes does not depend on
   * it.
   */
  public static void warmUp() {
    KernelWarmup.ensureWarm();
  }

  /** Fits on {@code train} with no eval set. */
  public AlsResult fit(Ratings train) {
    return fit(train, null, TrainingListener.NONE);
  }

  /**
   * Fits on {@code train}; when {@code eval} is given its MSE is reported per iteration as {@code
   * eval_loss} (it never influences training or early stopping).
   */
  public AlsResult fit(Ratings train, Ratings eval, TrainingListener listener) {
    long started = System.nanoTime();
    if (train.size() == 0) {
      throw new InvalidInputException("no training ratings: the training set is empty");
    }
    AlsOptions options = AutoMethod.resolve(this.options, train).options();
    if (options.feedbackType() == FeedbackType.IMPLICIT) {
      return ImplicitAlsTrainer.fit(options, train, eval, listener, started);
    }
    int k = options.resolvedNumFactors(train.size());
    CsrView byUser = train.byUser();
    CsrView byItem = train.byItem();
    float mu = (float) train.mean();
    if (options.method() == TrainingMethod.VB) {
      VbTrainer.Fit vb = VbTrainer.fit(options, train, eval, listener, k, mu);
      MfModel model =
          new MfModel(
              train.users(),
              train.items(),
              k,
              mu,
              vb.users().factors,
              vb.users().intercepts,
              vb.items().factors,
              vb.items().intercepts);
      return new AlsResult(
          model,
          options,
          k,
          List.copyOf(vb.info()),
          vb.stoppedEarly(),
          train.fingerprint(),
          train.size(),
          (System.nanoTime() - started) / 1e9,
          flops(train, k, vb.info().size()));
    }
    if (options.method() == TrainingMethod.GIBBS) {
      GibbsTrainer.Fit gibbs = GibbsTrainer.fit(options, train, eval, listener, k, mu);
      MfModel sampled = model(train, mu, gibbs.users(), gibbs.items());
      MfModel exported = sampled;
      if (PosteriorMeanCompression.exportedFactors(k) < k) {
        PosteriorMeanCompression.Result compressed =
            PosteriorMeanCompression.compress(gibbs.users(), gibbs.items());
        exported = model(train, mu, compressed.users(), compressed.items());
      }
      return new AlsResult(
          exported,
          options,
          exported.numFactors(),
          List.copyOf(gibbs.info()),
          false,
          train.fingerprint(),
          train.size(),
          (System.nanoTime() - started) / 1e9,
          flops(train, gibbs.sampleFactors(), gibbs.info().size()),
          exported == sampled ? null : sampled);
    }
    FactorSide users = new FactorSide(train.users().size(), k);
    FactorSide items = new FactorSide(train.items().size(), k);
    items.randomize(options.seed(), INIT_SCALE);
    List<TrainingIteration> info = new ArrayList<>();
    boolean stoppedEarly = false;
    try (ParallelRows parallel = new ParallelRows(options.threads())) {
      HalfStep half =
          new HalfStep(
              parallel,
              options.l2RegMode(),
              options.l2Reg(),
              options.resolvedInterceptL2Reg(),
              options.l2RegExponent());
      EvalSet evalSet = eval == null ? null : new EvalSet(eval, train.users(), train.items());
      EarlyStop earlyStop = new EarlyStop(options);
      for (int iteration = 0; iteration < options.maxIterations(); iteration++) {
        long iterationStart = System.nanoTime();
        if (iteration == 0) {
          KernelWarmup.startInBackground(); // meanwhile the plain kernels run (the same bits)
        }
        HalfStep.Sums userSums = half.run(byUser, mu, items, users, false);
        HalfStep.Sums itemSums = half.run(byItem, mu, users, items, true);
        double loss = itemSums.squaredError() / train.size();
        double objective =
            (itemSums.squaredError() + userSums.regularization() + itemSums.regularization())
                / train.size();
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
            mu,
            users.factors,
            users.intercepts,
            items.factors,
            items.intercepts);
    double seconds = (System.nanoTime() - started) / 1e9;
    return new AlsResult(
        model,
        options,
        k,
        List.copyOf(info),
        stoppedEarly,
        train.fingerprint(),
        train.size(),
        seconds,
        flops(train, k, info.size()));
  }

  private static MfModel model(Ratings train, float mu, FactorSide users, FactorSide items) {
    return new MfModel(
        train.users(),
        train.items(),
        users.k,
        mu,
        users.factors,
        users.intercepts,
        items.factors,
        items.intercepts);
  }

  /**
   * Counts the floating-point work of a fit: per side and rating the Gram update (d(d+1) for the
   * upper triangle) and right-hand side (2d), per row a Cholesky solve (d³/3 + 2d²), and the loss
   * pass (2k per rating), with d = k + 1.
   */
  static double flops(Ratings train, int k, int iterations) {
    double d = k + 1.0;
    double perRating = 2 * (d * (d + 1) + 2 * d) + 2.0 * k;
    double rows = train.users().size() + train.items().size();
    double perRow = d * d * d / 3 + 2 * d * d;
    return iterations * (train.size() * perRating + rows * perRow);
  }
}
