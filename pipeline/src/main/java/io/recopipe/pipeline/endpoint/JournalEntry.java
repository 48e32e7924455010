package io.recopipe.pipeline.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonInputException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a serving revision's admin journal, as the serving process wrote it, with the audit
 * action it becomes ({@code endpoint.swap}, {@code endpoint.refused}, ...).
 *
 * @param at when the serving process acted (or refused)
 * @param action swap, listen, stop, refused, restart or down
 * @param outcome accepted, failed or refused
 * @param before the model version served before, or null
 * @param after the model version served after, or null
 * @param detail everything else on the line (remote address, pid, port, bundle, reason)
 */
record JournalEntry(
    Instant at,
    String action,
    String outcome,
    String before,
    String after,
    Map<String, String> detail) {

  /** Parses one journal line; a line that is not a journal object is kept as "unreadable". */
  static JournalEntry parse(String line, Instant fallback) {
    try {
      JsonNode json = Json.parse(line);
      if (!json.isObject()) {
        throw new IOException("not a JSON object");
      }
      Map<String, String> detail = new LinkedHashMap<>();
      detail.put("outcome", json.path("outcome").asText(""));
      detail.put("remote", json.path("remote").asText(""));
      detail.put("pid", json.path("pid").asText(""));
      json.path("detail")
          .fields()
          .forEachRemaining(
              e ->
                  detail.put(
                      e.getKey(),
                      e.getValue().isValueNode()
                          ? e.getValue().asText()
                          : e.getValue().toString()));
      return new JournalEntry(
          instant(json.path("at").asText(""), fallback),
          json.path("action").asText("unknown"),
          json.path("outcome").asText(""),
          text(json, "model_version_before"),
          text(json, "model_version_after"),
          detail);
    } catch (IOException | JsonInputException e) {
      String shown = line.length() > 200 ? line.substring(0, 200) + "…" : line;
      return new JournalEntry(
          fallback,
          "unreadable",
          "",
          null,
          null,
          Map.of("line", shown, "error", String.valueOf(e.getMessage())));
    }
  }

  /** The audit action, e.g. {@code endpoint.swap}. */
  String auditAction() {
    return "endpoint." + action;
  }

  /** The model version the entry is about: the one served after it, else before it. */
  String modelVersion() {
    return after != null ? after : before;
  }

  private static String text(JsonNode json, String key) {
    JsonNode node = json.get(key);
    return node == null || node.isNull() ? null : node.asText();
  }

  private static Instant instant(String text, Instant fallback) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }
}
