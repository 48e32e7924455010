package io.recopipe.components.tuning;

import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.FeedbackType;
import io.recopipe.model.als.InvalidOptionsException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code tune} section under BigQuery ML's names ({@code num_trials},
 * {@code hparam_tuning_algorithm}, {@code max_parallel_trials}, {@code hparam_tuning_objectives})
 * plus the search ranges, {@code validation_fraction} and the trials' base ALS options, all
 * checked in one pass so a config with several mistakes fails once, listing each.
 *
 * @param numTrials          1..100; 1 turns tuning off (the train options pass through)
 * @param algorithm          how points are chosen
 * @param maxParallelTrials  1..5 trials trained at once
 * @param objective          what the best trial minimizes or maximizes
 * @param space              the searched ranges
 * @param validationFraction the share of TRAIN held out to score trials, in (0, 0.5]
 * @param seed               seeds the validation split and random search
 * @param base               the options every trial trains with, apart from the tuned ones
 */
public record TuningOptions(int numTrials, TuningAlgorithm algorithm, int maxParallelTrials,
    TuningObjective objective, SearchSpace space, double validationFraction, long seed,
    AlsOptions base) {
  /** The tuning keys (the section may also hold any ALS option, the trials' base). */
  public static final Set<String> NAMES = Set.of("num_trials", "hparam_tuning_algorithm",
      "max_parallel_trials", "hparam_tuning_objectives", "num_factors_range", "l2_reg_range",
      "wals_alpha_range", "validation_fraction");

  private static final ParamRange FACTORS = new ParamRange(2, 64, false);
  private static final ParamRange L2_REG = new ParamRange(0.01, 10, true);
  private static final ParamRange WALS_ALPHA = new ParamRange(1, 100, false);

  /** Whether trials run: more than one trial requested. */
  public boolean enabled() {
    return numTrials > 1;
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
      e.problems().forEach(p -> problems.add(p.startsWith("unknown option")
          ? p.replace("(known: ", "(known: " + String.join(", ", new TreeSet<>(NAMES)) + ", ")
          : p));
    }
    OptionReader read = new OptionReader(tune, problems);
    int trials = read.integer("num_trials", 1, 1, 100);
    int parallel = read.integer("max_parallel_trials", 1, 1, 5);
    TuningAlgorithm algorithm = read.parsed("hparam_tuning_algorithm",
        TuningAlgorithm.RANDOM_SEARCH, TuningAlgorithm::parse, TuningAlgorithm.ACCEPTED);
    FeedbackType feedback = base.feedbackType();
    TuningObjective objective = read.parsed("hparam_tuning_objectives",
        TuningObjective.defaultFor(feedback), TuningObjective::parse,
        "MEAN_SQUARED_ERROR, MEAN_AVERAGE_PRECISION, NORMALIZED_DISCOUNTED_CUMULATIVE_GAIN or "
            + "AVERAGE_RANK");
    if (!objective.allowedFor(feedback)) {
      problems.add("hparam_tuning_objectives " + objective + " is for implicit feedback; with "
          + "feedback_type EXPLICIT only MEAN_SQUARED_ERROR is allowed");
    }
    ParamRange factors = read.range("num_factors_range", FACTORS, AlsOptions.MIN_FACTORS,
        AlsOptions.MAX_FACTORS, false);
    ParamRange l2 = read.range("l2_reg_range", L2_REG, 0, 10, true);
    Optional<ParamRange> alpha = Optional.empty();
    if (feedback == FeedbackType.IMPLICIT) {
      alpha = Optional.of(read.range("wals_alpha_range", WALS_ALPHA, 0, 100, true));
    } else if (tune.containsKey("wals_alpha_range")) {
      problems.add("wals_alpha_range applies only to feedback_type IMPLICIT, was set with "
          + "EXPLICIT");
    }
    double fraction = read.fraction("validation_fraction", 0.1, 0.5);
    if (!problems.isEmpty()) {
      throw new InvalidOptionsException(problems);
    }
    return new TuningOptions(trials, algorithm, parallel, objective,
        new SearchSpace(factors, l2, alpha, base.walsAlpha()), fraction, base.seed(), base);
  }

  /** The points this run's algorithm tries, in trial order. */
  public List<Hyperparameters> points() {
    return algorithm == TuningAlgorithm.GRID_SEARCH ? GridSearch.points(space, numTrials)
        : RandomSearch.points(space, numTrials, seed);
  }
}
