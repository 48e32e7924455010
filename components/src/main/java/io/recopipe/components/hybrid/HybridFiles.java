package io.recopipe.components.hybrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.writers.AtomicFiles;
import io.recopipe.model.hybrid.HybridModel;
import io.recopipe.model.hybrid.LinearWeights;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hybrid step's files: {@code hybrid.json} (both regressions' weights by feature name, so the
 * model can be inspected and re-scored beside its MF bundle) and {@code metrics.json} (the {@link
 * HybridReport}, which {@code publish} turns back into the warehouse table).
 */
final class HybridFiles {
  /** The model file in the hybrid output. */
  static final String MODEL = "hybrid.json";

  /** The metrics file in the metrics output. */
  static final String METRICS = "metrics.json";

  private HybridFiles() {}

  static void writeModel(Path file, HybridModel model, boolean usedMetadata)
      throws ComponentException {
    List<String> names = model.encoder().names();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("enabled", true);
    json.put("used_metadata", usedMetadata);
    json.put("num_factors", model.mf().numFactors());
    json.put("warm", weights(names, model.warm()));
    json.put("cold", weights(names, model.cold()));
    write(file, Json.valueOf(json));
  }

  private static Map<String, Object> weights(List<String> names, LinearWeights weights) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("intercept", weights.intercept());
    Map<String, Object> byName = new LinkedHashMap<>();
    for (int j = 0; j < names.size(); j++) {
      byName.put(names.get(j), weights.weights()[j]);
    }
    json.put("weights", byName);
    return json;
  }

  static void writeDisabled(Path file) throws ComponentException {
    write(file, Json.valueOf(Map.of("enabled", false)));
  }

  static void writeReport(Path file, HybridReport report) throws ComponentException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("enabled", true);
    json.put("used_metadata", report.usedMetadata());
    json.put("simulated_cold_start", report.simulatedCold());
    report.flatMetrics().forEach((k, v) -> json.put(k, finite(v)));
    Map<String, Object> models = new LinkedHashMap<>();
    report
        .models()
        .forEach(
            (label, metrics) -> {
              Map<String, Object> values = new LinkedHashMap<>();
              metrics.forEach((k, v) -> values.put(k, finite(v)));
              values.put("eval_rows", report.rows().get(label));
              models.put(label, values);
            });
    json.put("models", models);
    write(file, Json.valueOf(json));
  }

  /** Reads a report written by {@link #writeReport}; null when the step was disabled. */
  static HybridReport readReport(Path file) throws ComponentException {
    ObjectNode json;
    try {
      json = JsonFields.asObject(Json.parse(Files.readAllBytes(file)));
    } catch (IOException | IllegalArgumentException e) {
      throw new ComponentException("hybrid: cannot read " + file + ": " + e.getMessage(), e);
    }
    if (!JsonFields.bool(json, "enabled")) {
      return null;
    }
    Map<String, Map<String, Double>> models = new LinkedHashMap<>();
    Map<String, Long> rows = new LinkedHashMap<>();
    ObjectNode byModel = JsonFields.object(json, "models");
    for (String label : JsonFields.names(byModel)) {
      ObjectNode values = JsonFields.object(byModel, label);
      Map<String, Double> metrics = new LinkedHashMap<>();
      for (String key : JsonFields.names(values)) {
        if (!key.equals("eval_rows")) {
          metrics.put(key, JsonFields.doubleOrNaN(values, key));
        }
      }
      models.put(label, metrics);
      rows.put(label, JsonFields.longValue(values, "eval_rows"));
    }
    return new HybridReport(
        models,
        rows,
        JsonFields.longValue(json, "cold_start_users"),
        JsonFields.bool(json, "simulated_cold_start"),
        JsonFields.bool(json, "used_metadata"));
  }

  private static Object finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static void write(Path file, JsonNode json) throws ComponentException {
    byte[] bytes = (Json.pretty(json) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      AtomicFiles.write(file, out -> out.write(bytes));
    } catch (IOException e) {
      throw new ComponentException("hybrid: cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
