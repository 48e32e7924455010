package io.recopipe.model.als;

import static io.recopipe.model.options.OptionType.BOOLEAN;
import static io.recopipe.model.options.OptionType.INTEGER;
import static io.recopipe.model.options.OptionType.LONG;
import static io.recopipe.model.options.OptionType.NUMBER;

import io.recopipe.model.options.Option;
import io.recopipe.model.options.OptionType;
import io.recopipe.model.options.Range;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every training option declared once, in the order a manifest lists them: name (BigQuery ML's
 * where it has the option), type, default, range and a line of documentation. {@link AlsOptions}'
 * parsing, validation, defaults, manifest entries and BigQuery ML option list all come from here.
 */
public final class AlsOptionTable {
  /** Default conjugate-gradient steps per row of implicit ALS (as the implicit library). */
  static final int DEFAULT_CG_STEPS = 3;

  /** The largest {@code cg_steps}: beyond it the exact solver is cheaper. */
  static final int MAX_CG_STEPS = 50;

  /** The largest {@code max_iterations} (and {@code burn_in_iterations}). */
  static final int MOST_ITERATIONS = 10_000;

  /** The largest {@code num_samples}: each sample needs at least one of the 200 factors. */
  static final int MAX_SAMPLES = AlsOptions.MAX_FACTORS;

  /** The largest {@code threads}. */
  static final int MAX_THREADS = 1024;

  /** The largest {@code l2_reg}, {@code intercept_l2_reg} and {@code wals_alpha}. */
  static final double MAX_WEIGHT = 1e6;

  /** The largest {@code positive_threshold}. */
  static final double MAX_THRESHOLD = 1e9;

  private static final String BQML_RANGE = "BigQuery ML's range";

  public static final Option<FeedbackType> FEEDBACK_TYPE =
      Option.of(
              "feedback_type",
              OptionType.choice("EXPLICIT or IMPLICIT", FeedbackType::parse, FeedbackType::name),
              FeedbackType.EXPLICIT,
              "ratings (EXPLICIT) or interactions as confidence (IMPLICIT)")
          .alsoInBigQueryMl();
  public static final Option<Integer> NUM_FACTORS =
      Option.of(
              "num_factors",
              INTEGER,
              (Integer) null,
              "latent factors; auto is log2 of the training rows")
          .orAuto()
          .in(Range.closed(AlsOptions.MIN_FACTORS, AlsOptions.MAX_FACTORS).because(BQML_RANGE))
          .alsoInBigQueryMl();
  public static final Option<Double> L2_REG =
      Option.of("l2_reg", NUMBER, 1.0, "the factors' L2 penalty λ")
          .in(Range.above(0, MAX_WEIGHT))
          .alsoInBigQueryMl();
  public static final Option<Integer> MAX_ITERATIONS =
      Option.of("max_iterations", INTEGER, 20, "the most sweeps")
          .in(Range.closed(1, MOST_ITERATIONS))
          .alsoInBigQueryMl();
  public static final Option<Boolean> EARLY_STOP =
      Option.of(
              "early_stop",
              BOOLEAN,
              true,
              "stop once a sweep improves the loss by less than min_rel_progress")
          .alsoInBigQueryMl();
  public static final Option<Double> MIN_REL_PROGRESS =
      Option.of("min_rel_progress", NUMBER, 0.01, "the relative loss improvement early_stop needs")
          .in(Range.closed(0, 1))
          .alsoInBigQueryMl();
  public static final Option<Double> WALS_ALPHA =
      Option.of("wals_alpha", NUMBER, 40.0, "confidence per implicit interaction")
          .in(Range.above(0, MAX_WEIGHT))
          .onlyWhen(FEEDBACK_TYPE, FeedbackType.IMPLICIT)
          .alsoInBigQueryMl();
  public static final Option<ImplicitSolver> IMPLICIT_SOLVER =
      Option.of(
              "implicit_solver",
              OptionType.choice(
                  "cg or cholesky", ImplicitSolver::parse, ImplicitSolver::configName),
              ImplicitSolver.CG,
              "how implicit ALS solves a row: conjugate gradient or exact Cholesky")
          .onlyWhen(FEEDBACK_TYPE, FeedbackType.IMPLICIT);
  public static final Option<Integer> CG_STEPS =
      Option.of(
              "cg_steps",
              INTEGER,
              DEFAULT_CG_STEPS,
              "conjugate-gradient steps per row of implicit ALS")
          .in(Range.closed(1, MAX_CG_STEPS))
          .onlyWhen(FEEDBACK_TYPE, FeedbackType.IMPLICIT)
          .onlyWhen(IMPLICIT_SOLVER, ImplicitSolver.CG);
  public static final Option<Double> POSITIVE_THRESHOLD =
      Option.of(
              "positive_threshold",
              NUMBER,
              0.0,
              "the smallest rating counted as an implicit interaction")
          .in(Range.closed(0, MAX_THRESHOLD))
          .onlyWhen(FEEDBACK_TYPE, FeedbackType.IMPLICIT);
  public static final Option<RegularizationMode> L2_REG_MODE =
      Option.of(
          "l2_reg_mode",
          OptionType.choice(
              "plain or weighted", RegularizationMode::parse, RegularizationMode::configName),
          RegularizationMode.PLAIN,
          "λ as given (plain) or scaled by each row's count (weighted)");
  public static final Option<Double> L2_REG_EXPONENT =
      Option.of("l2_reg_exponent", NUMBER, 1.0, "e in weighted λ·n^e (1 is ALS-WR)")
          .in(Range.closed(0, 2))
          .onlyWhen(L2_REG_MODE, RegularizationMode.WEIGHTED);
  public static final Option<Double> INTERCEPT_L2_REG =
      Option.of("intercept_l2_reg", NUMBER, (Double) null, "the intercepts' λ; auto is l2_reg")
          .orAuto()
          .in(Range.closed(0, MAX_WEIGHT));
  public static final Option<Long> SEED =
      Option.of("seed", LONG, 42L, "seeds the initial factors and sampling");
  public static final Option<Integer> THREADS =
      Option.computed(
              "threads",
              INTEGER,
              () -> Math.max(1, Runtime.getRuntime().availableProcessors()),
              "training threads; the processors by default")
          .in(Range.closed(1, MAX_THREADS));
  public static final Option<TrainingMethod> METHOD =
      Option.of(
          "method",
          OptionType.choice(
              "auto, als, vb or gibbs", TrainingMethod::parse, TrainingMethod::configName),
          TrainingMethod.ALS,
          "how the model is fitted; auto picks for the training set");
  public static final Option<Integer> NUM_SAMPLES =
      Option.of("num_samples", INTEGER, 1, "posterior samples method gibbs packs into the model")
          .in(Range.closed(1, MAX_SAMPLES))
          .onlyWhen(METHOD, TrainingMethod.GIBBS);
  public static final Option<Integer> BURN_IN_ITERATIONS =
      Option.of(
              "burn_in_iterations",
              INTEGER,
              (Integer) null,
              "sweeps method gibbs discards; auto is a quarter of the sweeps")
          .orAuto()
          .in(Range.closed(0, MOST_ITERATIONS))
          .onlyWhen(METHOD, TrainingMethod.GIBBS);

  /** Every option, in the order manifests list them (and problems are reported). */
  public static final List<Option<?>> ALL =
      List.of(
          FEEDBACK_TYPE,
          NUM_FACTORS,
          L2_REG,
          MAX_ITERATIONS,
          EARLY_STOP,
          MIN_REL_PROGRESS,
          WALS_ALPHA,
          IMPLICIT_SOLVER,
          CG_STEPS,
          POSITIVE_THRESHOLD,
          L2_REG_MODE,
          L2_REG_EXPONENT,
          INTERCEPT_L2_REG,
          SEED,
          THREADS,
          METHOD,
          NUM_SAMPLES,
          BURN_IN_ITERATIONS);

  /** The option names, in table order. */
  public static final Set<String> NAMES =
      Collections.unmodifiableSet(
          ALL.stream()
              .map(Option::name)
              .collect(Collectors.<String, Set<String>>toCollection(LinkedHashSet::new)));

  private static final Map<String, Option<?>> BY_NAME =
      ALL.stream().collect(Collectors.toUnmodifiableMap(Option::name, Function.identity()));

  private AlsOptionTable() {}

  /** The option called {@code name}, or null. */
  static Option<?> named(String name) {
    return BY_NAME.get(name);
  }
}
