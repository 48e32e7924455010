package io.recopipe.pipeline.insight;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the checks out of the gate's {@code decision.json} ({@code checks[]} with {@code name},
 * {@code passed}, {@code detail}), so the page lists why a candidate was or was not blessed. A
 * skipped check ({@code "passed": null}, e.g. a change check on a first run) did not fail and is
 * listed as passed; its message starts with "skipped", or "not comparable" for a change check the
 * gate could not make because the champion's data barely overlaps the run's.
 */
public final class GateChecks {
  private GateChecks() {}

  /**
   * The checks of {@code decisionJson}; none when there is no decision.
   *
   * @throws IOException when the text is not a gate decision
   */
  public static List<GateCheckRow> parse(Optional<String> decisionJson) throws IOException {
    if (decisionJson.isEmpty() || decisionJson.get().isBlank()) {
      return List.of();
    }
    try {
      JsonNode decision = JsonFields.asObject(Json.parse(decisionJson.get()));
      List<GateCheckRow> checks = new ArrayList<>();
      JsonNode list = decision.get("checks");
      if (list != null && list.isArray()) {
        for (JsonNode item : list) {
          checks.add(check(JsonFields.asObject(item)));
        }
      }
      return List.copyOf(checks);
    } catch (IllegalArgumentException e) { // malformed JSON and wrong types included
      throw new IOException("not a gate decision: " + e.getMessage(), e);
    }
  }

  private static GateCheckRow check(JsonNode json) {
    JsonNode passed = json.get("passed");
    boolean skipped = passed == null || passed.isNull();
    String message = JsonFields.string(json, "detail", "");
    if (message.isEmpty()) {
      message =
          String.format(
                  Locale.ROOT,
                  "%s %s against %s",
                  JsonFields.string(json, "metric", ""),
                  text(json.get("value")),
                  text(json.get("threshold")))
              .trim();
    }
    if (skipped && !message.startsWith("skipped") && !message.startsWith("not comparable")) {
      message = "skipped: " + message;
    }
    return new GateCheckRow(
        JsonFields.string(json, "name"), skipped || JsonFields.asBoolean(passed), message);
  }

  private static String text(JsonNode value) {
    return value == null || value.isNull() ? "n/a" : Json.compact(Json.valueOf(value));
  }
}
