package io.recopipe.pipeline.insight;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a gate decision says a reviewer must look at: why review is required, how the response
 * contract changes and how the run's data compares with the champion's, read from {@code
 * decision.json} so the review page shows them next to the metrics.
 *
 * @param reviewRequired the reasons review is required (empty: none)
 * @param contractChanges the response contract fields that change
 * @param dataChecks every data check
 */
public record GateReview(
    List<String> reviewRequired,
    List<ContractField> contractChanges,
    List<DataCheckRow> dataChecks) {
  /** A decision with nothing to review. */
  public static final GateReview NONE = new GateReview(List.of(), List.of(), List.of());

  /**
   * One changed contract field.
   *
   * @param field the field
   * @param champion the champion's value
   * @param candidate the candidate's value
   */
  public record ContractField(String field, String champion, String candidate) {}

  /**
   * One data check as decided.
   *
   * @param name the check
   * @param value the measured value, empty when not measured
   * @param threshold the threshold, empty when none
   * @param outcome {@code pass}, {@code fail} or {@code not_comparable}
   * @param detail what was compared
   */
  public record DataCheckRow(
      String name,
      Optional<Double> value,
      Optional<Double> threshold,
      String outcome,
      String detail) {}

  /** Copies the lists. */
  public GateReview {
    reviewRequired = List.copyOf(reviewRequired);
    contractChanges = List.copyOf(contractChanges);
    dataChecks = List.copyOf(dataChecks);
  }

  /**
   * Reads {@code decisionJson}; {@link #NONE} when there is none, it is unreadable, or it was
   * written by a gate that did not compare with the champion's bundle.
   */
  public static GateReview parse(Optional<String> decisionJson) {
    if (decisionJson.isEmpty() || decisionJson.get().isBlank()) {
      return NONE;
    }
    try {
      JsonNode json = JsonFields.asObject(Json.parse(decisionJson.get()));
      List<String> reasons = new ArrayList<>();
      for (JsonNode reason : array(json, "review_required")) {
        reasons.add(JsonFields.asString(reason));
      }
      List<ContractField> changes = new ArrayList<>();
      for (JsonNode value : array(json, "contract_changes")) {
        JsonNode change = JsonFields.asObject(value);
        changes.add(
            new ContractField(
                JsonFields.string(change, "field"),
                JsonFields.string(change, "champion"),
                JsonFields.string(change, "candidate")));
      }
      List<DataCheckRow> checks = new ArrayList<>();
      for (JsonNode value : array(json, "data_checks")) {
        JsonNode check = JsonFields.asObject(value);
        checks.add(
            new DataCheckRow(
                JsonFields.string(check, "name"),
                number(check.get("value")),
                number(check.get("threshold")),
                JsonFields.string(check, "outcome"),
                JsonFields.string(check, "detail", "")));
      }
      return new GateReview(reasons, changes, checks);
    } catch (IllegalArgumentException e) { // malformed JSON and wrong types included
      return NONE;
    }
  }

  private static Iterable<JsonNode> array(JsonNode json, String key) {
    JsonNode value = json.get(key);
    return value == null || value.isNull() ? List.of() : JsonFields.asArray(value);
  }

  private static Optional<Double> number(JsonNode value) {
    return value == null || value.isNull()
        ? Optional.empty()
        : Optional.of(JsonFields.asDouble(value));
  }
}
