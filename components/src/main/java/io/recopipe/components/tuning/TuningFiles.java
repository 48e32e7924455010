package io.recopipe.components.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.writers.AtomicFiles;
import io.recopipe.model.als.FeedbackType;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The TUNING artifact's two files: {@code trials.json} (every trial, for the table and the review
 * page) and {@code best_options.json} (what the train step applies), written atomically.
 */
public final class TuningFiles {
  /** Every trial with its hyperparameters, objective and status. */
  public static final String TRIALS = "trials.json";

  /** The winning options, or {@code "tuned": false} when tuning was off. */
  public static final String BEST_OPTIONS = "best_options.json";

  private TuningFiles() {}

  /** Writes both files for a tuning run that tried {@code trials}. */
  static void write(Path dir, TuningOptions options, List<Trial> trials) throws IOException {
    FeedbackType feedback = options.base().feedbackType();
    ObjectNode trialsJson =
        Json.object()
            .put("objective", options.objective().metricName())
            .put("higher_is_better", options.objective().higherIsBetter())
            .put("algorithm", options.algorithm().configName())
            .put("feedback_type", feedback.name());
    ArrayNode rows = trialsJson.putArray("trials");
    Trial best = null;
    for (Trial trial : trials) {
      ObjectNode row = rows.addObject().put("trial_id", trial.trialId());
      hyperparameters(row, trial.hyperparameters().toMap(feedback));
      row.set("objective", number(trial.objective()));
      row.set("training_loss", number(trial.trainingLoss()));
      row.set("eval_loss", number(trial.evalLoss()));
      row.put("status", trial.status())
          .put("error_message", trial.errorMessage())
          .put("is_optimal", trial.optimal())
          .put("duration_ms", trial.durationMs());
      best = trial.optimal() ? trial : best;
    }
    write(dir.resolve(TRIALS), trialsJson);
    ObjectNode chosen = Json.object().put("tuned", best != null);
    if (best != null) {
      chosen
          .put("trial_id", best.trialId())
          .put("feedback_type", feedback.name())
          .put("method", options.base().method().configName())
          .put("objective", options.objective().metricName());
      chosen.set("objective_value", number(best.objective()));
      hyperparameters(chosen, best.hyperparameters().toMap(feedback));
    }
    write(dir.resolve(BEST_OPTIONS), chosen);
  }

  /** Writes the files of a run with tuning off: no trials, nothing to apply. */
  static void writePassThrough(Path dir, TuningOptions options) throws IOException {
    write(dir, options, List.of());
  }

  /** Reads a JSON object file of the artifact. */
  public static ObjectNode read(Path file) throws IOException {
    return JsonFields.asObject(Json.parse(Files.readAllBytes(file)));
  }

  private static void hyperparameters(ObjectNode out, Map<String, Object> values) {
    values.forEach(
        (name, value) ->
            out.set(
                name,
                value instanceof Integer i
                    ? Json.valueOf((long) i)
                    : number(((Number) value).doubleValue())));
  }

  private static JsonNode number(double value) {
    return Json.number(value);
  }

  private static void write(Path file, JsonNode json) throws IOException {
    byte[] bytes = (Json.pretty(json) + "\n").getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(file, out -> out.write(bytes));
  }
}
