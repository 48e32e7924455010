package io.recopipe.components.train;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.steps.StepParameters;
import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.InvalidOptionsException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The train step's parameters: ALS options under BigQuery ML's names plus {@code engine}, checked
 * in one pass so a config with a typo and a bad range fails once, with one line. A combination that
 * cannot work ({@code method: gibbs} or {@code vb} with implicit feedback) is refused here, before
 * any run, with the fix; {@code method: auto} is resolved later, once the training set is known
 * ({@link io.recopipe.model.als.AutoMethod}).
 *
 * @param options the validated training options
 * @param engine the training engine's name
 */
record TrainOptions(AlsOptions options, String engine) {
  /** The parameter naming the training engine: {@value #LOCAL_ENGINE} or {@code bigquery_ml}. */
  static final String ENGINE = "engine";

  /** The in-JVM engine, the default. */
  static final String LOCAL_ENGINE = "local";

  /** Options that only {@code method: gibbs} reads. */
  static final List<String> GIBBS_ONLY = List.of("num_samples", "burn_in_iterations");

  /**
   * Drops the Gibbs-only options when another method is chosen explicitly, so {@code --set
   * train.method=als} works over a config that sets them; the step logs what it dropped ({@link
   * #droppedFor}). Under {@code auto} they stay: they apply if auto picks gibbs.
   */
  private static void dropGibbsOnlyOptions(Map<String, String> als) {
    if (!keepsGibbsOptions(als)) {
      GIBBS_ONLY.forEach(als::remove);
    }
  }

  private static boolean keepsGibbsOptions(Map<String, String> parameters) {
    String method =
        parameters.getOrDefault("method", "als").strip().toLowerCase(java.util.Locale.ROOT);
    return method.equals("gibbs") || method.equals("auto");
  }

  /** The Gibbs-only options {@code parameters} set that an explicit non-Gibbs method ignores. */
  static List<String> droppedFor(Map<String, String> parameters) {
    return keepsGibbsOptions(parameters)
        ? List.of()
        : GIBBS_ONLY.stream().filter(parameters::containsKey).toList();
  }

  /** Parses {@code parameters}; every problem is reported in one ComponentException. */
  static TrainOptions parse(String step, Map<String, String> parameters) throws ComponentException {
    Set<String> known = new HashSet<>(AlsOptions.NAMES);
    known.add(ENGINE);
    StepParameters checked = StepParameters.of(step, parameters, known, "option");
    Map<String, String> als = new LinkedHashMap<>(parameters);
    als.remove(ENGINE);
    dropGibbsOnlyOptions(als);
    AlsOptions options;
    try {
      options = AlsOptions.fromMap(als);
    } catch (InvalidOptionsException e) {
      throw new ComponentException(message(step, e.problems()), e);
    }
    return new TrainOptions(options, checked.text(ENGINE).orElse(LOCAL_ENGINE));
  }

  /**
   * One line for all problems; a refused method names its key as {@code train.method} so the fix
   * reads as the line to change.
   */
  private static String message(String step, List<String> problems) {
    List<String> lines =
        problems.stream().map(p -> p.startsWith("method: ") ? step + "." + p : p).toList();
    String joined = String.join("; ", lines);
    return lines.stream().allMatch(l -> l.startsWith(step + ".")) ? joined : step + ": " + joined;
  }
}
