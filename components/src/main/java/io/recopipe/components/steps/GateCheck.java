package io.recopipe.components.steps;

import io.recopipe.model.json.JsonObject;
import io.recopipe.model.json.JsonValue;

/**
 * One check of a gate decision with its value, threshold and result, so a user sees why a model
 * was or was not blessed instead of a bare yes or no.
 *
 * @param name      the check, e.g. {@code r2_floor}
 * @param metric    the metric it looks at
 * @param value     the value compared (NaN when not available)
 * @param threshold the configured threshold
 * @param passed    true or false when applied, null when skipped (a change check on a first run)
 * @param detail    one human-readable sentence
 */
public record GateCheck(String name, String metric, double value, double threshold,
    Boolean passed, String detail) {

  /** Whether the check was applied (not skipped). */
  public boolean applied() {
    return passed != null;
  }

  /** The JSON form; a skipped check has {@code "passed": null}. */
  JsonObject toJson() {
    return JsonObject.builder().put("name", name).put("metric", metric)
        .put("value", StepFiles.number(value)).put("threshold", StepFiles.number(threshold))
        .put("passed", passed == null ? JsonValue.of(null) : JsonValue.of(passed))
        .put("detail", detail).build();
  }
}
