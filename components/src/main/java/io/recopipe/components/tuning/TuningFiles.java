package io.recopipe.components.tuning;

import io.recopipe.components.writers.AtomicFiles;
import io.recopipe.model.als.FeedbackType;
import io.recopipe.model.json.JsonArray;
import io.recopipe.model.json.JsonObject;
import io.recopipe.model.json.JsonParser;
import io.recopipe.model.json.JsonValue;
import io.recopipe.model.json.JsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

  private TuningFiles() {
  }

  /** Writes both files for a tuning run that tried {@code trials}. */
  static void write(Path dir, TuningOptions options, List<Trial> trials) throws IOException {
    FeedbackType feedback = options.base().feedbackType();
    List<JsonValue> rows = new ArrayList<>();
    Trial best = null;
    for (Trial trial : trials) {
      JsonObject.Builder row = JsonObject.builder().put("trial_id", trial.trialId());
      hyperparameters(row, trial.hyperparameters().toMap(feedback));
      row.put("objective", number(trial.objective()))
          .put("training_loss", number(trial.trainingLoss()))
          .put("eval_loss", number(trial.evalLoss())).put("status", trial.status())
          .put("error_message", trial.errorMessage() == null ? JsonValue.of(null)
              : JsonValue.of(trial.errorMessage()))
          .put("is_optimal", trial.optimal()).put("duration_ms", trial.durationMs());
      rows.add(row.build());
      best = trial.optimal() ? trial : best;
    }
    write(dir.resolve(TRIALS), JsonObject.builder()
        .put("objective", options.objective().metricName())
        .put("higher_is_better", options.objective().higherIsBetter())
        .put("algorithm", options.algorithm().configName())
        .put("feedback_type", feedback.name()).put("trials", JsonArray.of(rows)).build());
    JsonObject.Builder chosen = JsonObject.builder().put("tuned", best != null);
    if (best != null) {
      chosen.put("trial_id", best.trialId()).put("feedback_type", feedback.name())
          .put("method", options.base().method().configName())
          .put("objective", options.objective().metricName())
          .put("objective_value", number(best.objective()));
      hyperparameters(chosen, best.hyperparameters().toMap(feedback));
    }
    write(dir.resolve(BEST_OPTIONS), chosen.build());
  }

  /** Writes the files of a run with tuning off: no trials, nothing to apply. */
  static void writePassThrough(Path dir, TuningOptions options) throws IOException {
    write(dir, options, List.of());
  }

  /** Reads a JSON object file of the artifact. */
  public static JsonObject read(Path file) throws IOException {
    return JsonParser.parse(Files.readAllBytes(file)).asObject();
  }

  private static void hyperparameters(JsonObject.Builder out, Map<String, Object> values) {
    values.forEach((name, value) -> out.put(name, value instanceof Integer i
        ? JsonValue.of((long) i) : number(((Number) value).doubleValue())));
  }

  private static JsonValue number(double value) {
    return Double.isFinite(value) ? JsonValue.of(value) : JsonValue.of(null);
  }

  private static void write(Path file, JsonValue json) throws IOException {
    byte[] bytes = (JsonWriter.pretty(json) + "\n").getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(file, out -> out.write(bytes));
  }
}
