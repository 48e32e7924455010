package io.recopipe.components.gate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.steps.StepFiles;
import io.recopipe.model.io.Json;

/**
 * One check of a gate decision with its value, threshold and result, so a user sees why a model was
 * or was not blessed instead of a bare yes or no.
 *
 * @param name the check, e.g. {@code r2_floor}
 * @param metric the metric it looks at
 * @param value the value compared (NaN when not available)
 * @param threshold the configured threshold
 * @param passed true or false when applied, null when skipped (a change check on a first run)
 * @param detail one human-readable sentence
 * @param outcome {@code pass}, {@code fail}, {@code skipped} or {@code not_comparable} (a change
 *     check when the champion's data barely overlaps the run's)
 */
public record GateCheck(
    String name,
    String metric,
    double value,
    double threshold,
    Boolean passed,
    String detail,
    String outcome) {
  /** Outcome of a change check the gate could not make on this data. */
  static final String NOT_COMPARABLE = "not_comparable";

  /** A check whose outcome follows from {@code passed}. */
  GateCheck(
      String name, String metric, double value, double threshold, Boolean passed, String detail) {
    this(
        name,
        metric,
        value,
        threshold,
        passed,
        detail,
        passed == null ? "skipped" : passed ? "pass" : "fail");
  }

  /** The change check {@code name} reported as not comparable, for {@code why}. */
  static GateCheck notComparable(String name, String metric, double threshold, String why) {
    return new GateCheck(
        name, metric, Double.NaN, threshold, null, "not comparable: " + why, NOT_COMPARABLE);
  }

  /** Whether the check was applied (not skipped). */
  public boolean applied() {
    return passed != null;
  }

  /** The JSON form; a skipped check has {@code "passed": null}. */
  ObjectNode toJson() {
    ObjectNode json = Json.object().put("name", name).put("metric", metric);
    json.set("value", StepFiles.number(value));
    json.set("threshold", StepFiles.number(threshold));
    return json.put("passed", passed).put("outcome", outcome).put("detail", detail);
  }
}
