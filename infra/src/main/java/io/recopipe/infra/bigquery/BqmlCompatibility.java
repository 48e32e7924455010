package io.recopipe.infra.bigquery;

import io.recopipe.components.tuning.TuningOptions;
import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.InvalidOptionsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pipeline options the {@code bigquery_ml} engine cannot run, found from a pipeline's
 * parameters before a job is compiled or submitted, so a spec whose train task would refuse its
 * options (after ingest has already run and been billed) never reaches Vertex AI.
 *
 * <p>The options are resolved the way the train step resolves them on this engine: {@code method:
 * auto} becomes {@code als}, unless tuning is on, when train fits the trials' method (the tune
 * section's {@code method}); Gibbs-only options are dropped for other methods. What is left goes
 * through {@link BqmlSql#refusals}, the same check the engine runs before {@code CREATE MODEL}.
 */
public final class BqmlCompatibility {
  private static final String TRAIN = "train.";
  private static final String TUNE = "tune.";

  private BqmlCompatibility() {}

  /**
   * Every problem, one line each naming its option ({@code section.key}); empty when {@code
   * train.engine} is not {@value BqmlTrainingEngine#NAME} or nothing is refused. Options that do
   * not parse are not repeated here: the config's own check reports them, and the refusals of the
   * train section wait until it parses.
   *
   * @param parameters the pipeline's resolved parameters, keyed {@code section.key}
   */
  public static List<String> problems(Map<String, String> parameters) {
    if (!BqmlTrainingEngine.NAME.equals(parameters.get(TRAIN + "engine"))) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    Map<String, String> train = section(parameters, TRAIN);
    train.remove("engine");
    boolean tuning = tuningEnabled(parameters);
    String method = lower(train.getOrDefault("method", "als"));
    if (method.equals("auto") && tuning) {
      String trials = lower(parameters.getOrDefault(TUNE + "method", "als"));
      if (!trials.equals("als") && !trials.equals("auto")) {
        problems.add(
            TUNE
                + "method "
                + trials
                + " (with train.method auto and tune.num_trials "
                + "> 1 train fits the trials' method, and BigQuery ML fits ALS only; set "
                + "tune.method or train.method to als)");
      }
    }
    if (method.equals("auto")) {
      method = "als"; // what the train step resolves auto to on an engine other than local
    }
    train.put("method", method);
    if (!method.equals("gibbs")) {
      train.remove("num_samples");
      train.remove("burn_in_iterations");
    }
    AlsOptions options;
    try {
      options = AlsOptions.fromMap(train);
    } catch (InvalidOptionsException e) {
      return problems; // the config's own check names every option that does not parse
    }
    BqmlSql.refusals(options).forEach(r -> problems.add(TRAIN + r));
    if (tuning
        && options.isSet("intercept_l2_reg")
        && options.resolvedInterceptL2Reg() == options.l2Reg()) {
      problems.add(
          TRAIN
              + "intercept_l2_reg "
              + options.resolvedInterceptL2Reg()
              + " (tuning "
              + "replaces l2_reg, and BigQuery ML has one l2_reg; remove train.intercept_l2_reg)");
    }
    return problems;
  }

  private static boolean tuningEnabled(Map<String, String> parameters) {
    return TuningOptions.requested(section(parameters, TUNE));
  }

  private static Map<String, String> section(Map<String, String> parameters, String prefix) {
    Map<String, String> values = new LinkedHashMap<>();
    parameters.forEach(
        (key, value) -> {
          if (key.startsWith(prefix)) {
            values.put(key.substring(prefix.length()), value);
          }
        });
    return values;
  }

  private static String lower(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }
}
