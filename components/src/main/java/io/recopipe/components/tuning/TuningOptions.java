package io.recopipe.components.tuning;

import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.FeedbackType;
import io.recopipe.model.als.InvalidOptionsException;
import io.recopipe.model.options.Option;
import io.recopipe.model.options.OptionReader;
import io.recopipe.model.options.OptionType;
import io.recopipe.model.options.Range;
import io.recopipe.model.options.Wording;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code tune} section under BigQuery ML's names ({@code num_trials}, {@code
 * hparam_tuning_algorithm}, {@code max_parallel_trials}, {@code hparam_tuning_objectives}) plus the
 * search ranges, {@code validation_fraction} and the trials' base ALS options, all checked in one
 * pass so a config with several mistakes fails once, listing each.
 *
 * @param numTrials 1..100; 1 turns tuning off (the train options pass through)
 * @param algorithm how points are chosen
 * @param maxParallelTrials 1..5 trials trained at once
 * @param objective what the best trial minimizes or maximizes
 * @param space the searched ranges
 * @param validationFraction the share of TRAIN held out to score trials, in (0, 0.5]
 * @param seed seeds the validation split and random search
 * @param base the options every trial trains with, apart from the tuned ones
 */
public record TuningOptions(
    int numTrials,
    TuningAlgorithm algorithm,
    int maxParallelTrials,
    TuningObjective objective,
    SearchSpace space,
    double validationFraction,
    long seed,
    AlsOptions base) {
  static final Option<Integer> NUM_TRIALS =
      Option.of("num_trials", OptionType.INTEGER, 1, "trials to train; 1 turns tuning off")
          .in(Range.closed(1, 100));
  static final Option<Integer> MAX_PARALLEL_TRIALS =
      Option.of("max_parallel_trials", OptionType.INTEGER, 1, "trials trained at once")
          .in(Range.closed(1, 5));
  static final Option<TuningAlgorithm> ALGORITHM =
      Option.of(
          "hparam_tuning_algorithm",
          OptionType.choice(TuningAlgorithm.ACCEPTED, TuningAlgorithm::parse, Enum::name),
          TuningAlgorithm.RANDOM_SEARCH,
          "how trial points are chosen");
  static final Option<TuningObjective> OBJECTIVE =
      Option.of(
          "hparam_tuning_objectives",
          OptionType.choice(
              "MEAN_SQUARED_ERROR, MEAN_AVERAGE_PRECISION, "
                  + "NORMALIZED_DISCOUNTED_CUMULATIVE_GAIN or AVERAGE_RANK",
              TuningObjective::parse,
              Enum::name),
          null,
          "what the best trial optimizes; by feedback type by default");
  static final Option<Double> VALIDATION_FRACTION =
      Option.of(
              "validation_fraction",
              OptionType.NUMBER,
              0.1,
              "the share of train held out to score trials")
          .in(Range.above(0, 0.5));

  /** The tuning keys (the section may also hold any ALS option, the trials' base). */
  public static final Set<String> NAMES =
      Set.of(
          NUM_TRIALS.name(),
          ALGORITHM.name(),
          MAX_PARALLEL_TRIALS.name(),
          OBJECTIVE.name(),
          "num_factors_range",
          "l2_reg_range",
          "wals_alpha_range",
          VALIDATION_FRACTION.name());

  private static final ParamRange FACTORS = new ParamRange(2, 64, false);
  private static final ParamRange L2_REG = new ParamRange(0.01, 10, true);
  private static final ParamRange WALS_ALPHA = new ParamRange(1, 100, false);

  /** Whether trials run: more than one trial requested. */
  public boolean enabled() {
    return numTrials > 1;
  }

  /**
   * Whether the {@code tune} section {@code values} asks for trials (more than one), read as {@link
   * #parse} reads {@code num_trials} but without its range: false when the count is unreadable, as
   * the tune step's own check reports it. For checks that span sections, which must not fail twice.
   */
  public static boolean requested(Map<String, String> values) {
    OptionReader read = OptionReader.of(values, Wording.mustBe(""), OptionReader.Text.TRIMMED);
    int[] trials = {NUM_TRIALS.defaultValue()};
    read.text(NUM_TRIALS.name())
        .ifPresent(text -> read.parse(NUM_TRIALS, text, count -> trials[0] = count));
    return trials[0] > 1;
  }

  /**
   * Parses the section; every problem (unknown key, bad value, objective not allowed for the
   * feedback type, invalid base option) is in the one exception's message.
   *
   * @throws InvalidOptionsException listing every problem
   */
  public static TuningOptions parse(Map<String, String> values) {
    List<String> problems = new ArrayList<>();
    Map<String, String> als = new HashMap<>();
    Map<String, String> tune = new HashMap<>();
    values.forEach((key, value) -> (NAMES.contains(key) ? tune : als).put(key, value.trim()));
    AlsOptions base = AlsOptions.defaults();
    try {
      base = AlsOptions.fromMap(als);
    } catch (InvalidOptionsException e) {
      e.problems()
          .forEach(
              p ->
                  problems.add(
                      p.startsWith("unknown option")
                          ? p.replace(
                              "(known: ",
                              "(known: " + String.join(", ", new TreeSet<>(NAMES)) + ", ")
                          : p));
    }
    OptionReader read = OptionReader.of(tune, Wording.mustBe(""), OptionReader.Text.AS_GIVEN);
    int trials = read.get(NUM_TRIALS);
    int parallel = read.get(MAX_PARALLEL_TRIALS);
    TuningAlgorithm algorithm = read.get(ALGORITHM);
    FeedbackType feedback = base.feedbackType();
    TuningObjective objective =
        read.get(OBJECTIVE.withDefault(TuningObjective.defaultFor(feedback)));
    if (!objective.allowedFor(feedback)) {
      read.problem(
          "hparam_tuning_objectives "
              + objective
              + " is for implicit feedback; with "
              + "feedback_type EXPLICIT only MEAN_SQUARED_ERROR is allowed");
    }
    ParamRange factors =
        range(
            read,
            "num_factors_range",
            FACTORS,
            AlsOptions.MIN_FACTORS,
            AlsOptions.MAX_FACTORS,
            false);
    ParamRange l2 = range(read, "l2_reg_range", L2_REG, 0, 10, true);
    Optional<ParamRange> alpha = Optional.empty();
    if (feedback == FeedbackType.IMPLICIT) {
      alpha = Optional.of(range(read, "wals_alpha_range", WALS_ALPHA, 0, 100, true));
    } else if (tune.containsKey("wals_alpha_range")) {
      read.problem(
          "wals_alpha_range applies only to feedback_type IMPLICIT, was set with " + "EXPLICIT");
    }
    double fraction = read.get(VALIDATION_FRACTION);
    problems.addAll(read.problems());
    if (!problems.isEmpty()) {
      throw new InvalidOptionsException(problems);
    }
    return new TuningOptions(
        trials,
        algorithm,
        parallel,
        objective,
        new SearchSpace(factors, l2, alpha, base.walsAlpha()),
        fraction,
        base.seed(),
        base);
  }

  /** The search range {@code name}, or {@code fallback} when unset or wrong (then noted). */
  private static ParamRange range(
      OptionReader read,
      String name,
      ParamRange fallback,
      double lowest,
      double highest,
      boolean open) {
    List<String> found = new ArrayList<>();
    ParamRange range =
        read.text(name)
            .map(text -> ParamRange.parse(name, text, fallback, lowest, highest, open, found))
            .orElse(fallback);
    found.forEach(read::problem);
    return range;
  }

  /** The points this run's algorithm tries, in trial order. */
  public List<Hyperparameters> points() {
    return algorithm == TuningAlgorithm.GRID_SEARCH
        ? GridSearch.points(space, numTrials)
        : RandomSearch.points(space, numTrials, seed);
  }
}
