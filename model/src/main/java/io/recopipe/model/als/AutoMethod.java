package io.recopipe.model.als;

import io.recopipe.model.data.Ratings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Resolves {@code method: auto} for one training set, so the shipped defaults fit data of every
 * size instead of only the set they were tuned on. The rule, measured with {@code recopipe bench
 * defaults}:
 *
 * <ul>
 *   <li>implicit feedback: {@code als} (weighted ALS; the Bayesian methods fit explicit ratings);
 *   <li>explicit, at most {@value #GIBBS_MAX_RATINGS} ratings: {@code gibbs}, {@value #SAMPLES}
 *       posterior samples × {@value #SAMPLE_FACTORS} factors, {@value #BURN_IN} burn-in and {@value
 *       #SWEEPS} sweeps, exported compressed to at most 64 factors; sampling is cheap there and
 *       averaging over the posterior beats any point estimate;
 *   <li>explicit, larger: {@code vb} with {@value #LARGE_FACTORS} factors, at most {@value
 *       #VB_ITERATIONS} iterations: about ALS's cost, and it learns each factor's prior variance
 *       and the noise itself, so the extra factors do not overfit. It stops once an iteration
 *       lowers the variational objective by less than {@value #VB_MIN_REL_PROGRESS} of its value:
 *       every VB step lowers that bound (Lim &amp; Teh 2007), and from there on the held-out error
 *       stays within 0.3% of 40 iterations' (ml-1m preset: 28 iterations, +0.02%; ml-20m: 26,
 *       +0.24%) while each iteration costs as much as the first.
 * </ul>
 *
 * Density sets the factor ceiling: no more factors than half the ratings of the average user or
 * item (density × the other side's count), so a small, sparse set is not given more factors than
 * its rows can support. Every option the user set is kept: an explicit {@code num_factors} (without
 * {@code num_samples}) picks {@code vb} at small scale too, as only a point estimate exports
 * exactly that many factors, and an explicit {@code l2_reg_mode} picks {@code als}, the only method
 * it applies to. {@code num_samples} and {@code burn_in_iterations} are ignored (and reported)
 * unless the choice is {@code gibbs}.
 */
public final class AutoMethod {
  /** The largest training set (ratings) auto fits by Gibbs sampling. */
  public static final long GIBBS_MAX_RATINGS = 250_000;

  static final int SAMPLES = 33;
  static final int SAMPLE_FACTORS = 6;
  static final int BURN_IN = 40;
  static final int SWEEPS = 172;
  static final int LARGE_FACTORS = 64;
  static final int VB_ITERATIONS = 40;
  static final double VB_MIN_REL_PROGRESS = 0.0005;
  static final int ALS_ITERATIONS = 20;

  /** The starting prior (vb, gibbs) or λ (als) auto uses, tuned on MovieLens 100K. */
  static final double L2_REG = 2.0;

  static final double INTERCEPT_L2_REG = 1.0;

  /** The rule in one line, as the notice prints it. */
  public static final String RULE =
      "implicit -> als; explicit: gibbs 33x6 up to 250,000 "
          + "ratings (exported as <= 64 factors), else vb with 64 factors until the objective "
          + "improves < 0.05%; factors <= half the ratings per user or item; options you set are kept";

  private AutoMethod() {}

  /**
   * What auto chose: the resolved options (unchanged when the method was not auto), the notice line
   * (empty then) and the Gibbs-only options the choice ignores.
   */
  public record Choice(AlsOptions options, String notice, List<String> ignored) {}

  /** Resolves {@code options} for {@code train}. */
  public static Choice resolve(AlsOptions options, Ratings train) {
    return resolve(options, train.size(), train.users().size(), train.items().size());
  }

  /** Resolves {@code options} for a training set of this size and shape. */
  public static Choice resolve(AlsOptions options, long ratings, int users, int items) {
    if (options.method() != TrainingMethod.AUTO) {
      return new Choice(options, "", List.of());
    }
    AlsOptions.Builder b = options.toBuilder();
    int ceiling = factorCeiling(ratings, users, items);
    String why;
    boolean gibbs = false;
    if (options.feedbackType() == FeedbackType.IMPLICIT) {
      b.method(TrainingMethod.ALS);
      why = "implicit feedback";
    } else if (options.isSet("l2_reg_mode")) {
      b.method(TrainingMethod.ALS);
      pointEstimate(options, b, ceiling, ALS_ITERATIONS);
      why = "l2_reg_mode is set";
    } else if (ratings <= GIBBS_MAX_RATINGS
        && (!options.isSet("num_factors") || options.isSet("num_samples"))) {
      gibbs(options, b, ceiling);
      gibbs = true;
      why = "small";
    } else {
      b.method(TrainingMethod.VB);
      pointEstimate(options, b, ceiling, VB_ITERATIONS);
      if (!options.isSet("early_stop") && !options.isSet("max_iterations")) {
        b.earlyStop(true);
        if (!options.isSet("min_rel_progress")) {
          b.minRelProgress(VB_MIN_REL_PROGRESS);
        }
      }
      why = ratings <= GIBBS_MAX_RATINGS ? "num_factors is set" : "large";
    }
    List<String> ignored = new ArrayList<>();
    if (!gibbs) {
      for (String name : List.of("num_samples", "burn_in_iterations")) {
        if (options.isSet(name)) {
          ignored.add(name);
        }
      }
      b.numSamples(1).burnInIterations(null);
    }
    AlsOptions resolved = b.build();
    return new Choice(resolved, notice(resolved, ratings, users, items, why), List.copyOf(ignored));
  }

  private static void gibbs(AlsOptions options, AlsOptions.Builder b, int ceiling) {
    int samples = options.isSet("num_samples") ? options.numSamples() : SAMPLES;
    if (options.isSet("max_iterations") && !options.isSet("num_samples")) {
      // as many samples as the user's sweeps leave after the burn-in, up to the usual 33
      samples =
          Math.max(
              1, Math.min(SAMPLES, options.maxIterations() - options.resolvedBurnInIterations()));
    }
    int perSample =
        Math.max(1, Math.min(Math.min(SAMPLE_FACTORS, ceiling), AlsOptions.MAX_FACTORS / samples));
    b.method(TrainingMethod.GIBBS).numSamples(samples);
    if (!options.isSet("num_factors")) {
      b.numFactors(Math.max(AlsOptions.MIN_FACTORS, samples * perSample));
    }
    if (!options.isSet("max_iterations")) {
      b.maxIterations(Math.max(SWEEPS, BURN_IN + samples));
      if (!options.isSet("burn_in_iterations")) {
        b.burnInIterations(BURN_IN);
      }
    }
    priors(options, b);
  }

  private static void pointEstimate(
      AlsOptions options, AlsOptions.Builder b, int ceiling, int iterations) {
    if (!options.isSet("num_factors")) {
      b.numFactors(Math.min(LARGE_FACTORS, ceiling));
    }
    if (!options.isSet("max_iterations")) {
      b.maxIterations(iterations);
    }
    priors(options, b);
  }

  private static void priors(AlsOptions options, AlsOptions.Builder b) {
    if (!options.isSet("l2_reg")) {
      b.l2Reg(L2_REG);
    }
    if (!options.isSet("intercept_l2_reg")) {
      b.interceptL2Reg(INTERCEPT_L2_REG);
    }
    if (!options.isSet("early_stop")) {
      b.earlyStop(false);
    }
  }

  /** Half the mean ratings per user or per item, whichever is smaller, within 2..200. */
  static int factorCeiling(long ratings, int users, int items) {
    double perRow =
        Math.min(ratings / (double) Math.max(1, users), ratings / (double) Math.max(1, items));
    return (int) Math.max(AlsOptions.MIN_FACTORS, Math.min(AlsOptions.MAX_FACTORS, perRow / 2));
  }

  private static String notice(AlsOptions o, long ratings, int users, int items, String why) {
    int exported =
        o.method() == TrainingMethod.GIBBS
            ? PosteriorMeanCompression.exportedFactors(o.resolvedNumFactors(ratings))
            : o.resolvedNumFactors(ratings);
    String shape =
        switch (o.method()) {
          case GIBBS ->
              String.format(
                  Locale.ROOT,
                  "%d factors x %d samples, exported as %d",
                  o.resolvedNumFactors(ratings) / o.numSamples(),
                  o.numSamples(),
                  exported);
          default ->
              (o.feedbackType() == FeedbackType.IMPLICIT ? "weighted ALS, " : "")
                  + exported
                  + " factors";
        };
    double density = ratings / ((double) Math.max(1, users) * Math.max(1, items));
    return String.format(
        Locale.ROOT,
        "auto chose %s (%s, %s%d iterations) for %,d ratings, " + "density %.2f%% (%s); rule: %s",
        o.method().configName(),
        shape,
        o.earlyStop() ? "up to " : "",
        o.maxIterations(),
        ratings,
        100 * density,
        why,
        RULE);
  }
}
