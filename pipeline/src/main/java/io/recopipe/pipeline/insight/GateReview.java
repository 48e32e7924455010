package io.recopipe.pipeline.insight;

import io.recopipe.model.json.JsonObject;
import io.recopipe.model.json.JsonParser;
import io.recopipe.model.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a gate decision says a reviewer must look at: why review is required, how the response
 * contract changes and how the run's data compares with the champion's, read from
 * {@code decision.json} so the review page shows them next to the metrics.
 *
 * @param reviewRequired  the reasons review is required (empty: none)
 * @param contractChanges the response contract fields that change
 * @param dataChecks      every data check
 */
public record GateReview(List<String> reviewRequired, List<ContractField> contractChanges,
    List<DataCheckRow> dataChecks) {
  /** A decision with nothing to review. */
  public static final GateReview NONE = new GateReview(List.of(), List.of(), List.of());

  /**
   * One changed contract field.
   *
   * @param field     the field
   * @param champion  the champion's value
   * @param candidate the candidate's value
   */
  public record ContractField(String field, String champion, String candidate) {
  }

  /**
   * One data check as decided.
   *
   * @param name      the check
   * @param value     the measured value, empty when not measured
   * @param threshold the threshold, empty when none
   * @param outcome   {@code pass}, {@code fail} or {@code not_comparable}
   * @param detail    what was compared
   */
  public record DataCheckRow(String name, Optional<Double> value, Optional<Double> threshold,
      String outcome, String detail) {
  }

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
      JsonObject json = JsonParser.parse(decisionJson.get()).asObject();
      List<String> reasons = new ArrayList<>();
      for (JsonValue reason : array(json, "review_required")) {
        reasons.add(reason.asString());
      }
      List<ContractField> changes = new ArrayList<>();
      for (JsonValue value : array(json, "contract_changes")) {
        JsonObject change = value.asObject();
        changes.add(new ContractField(change.getString("field"), change.getString("champion"),
            change.getString("candidate")));
      }
      List<DataCheckRow> checks = new ArrayList<>();
      for (JsonValue value : array(json, "data_checks")) {
        JsonObject check = value.asObject();
        checks.add(new DataCheckRow(check.getString("name"), number(check.get("value")),
            number(check.get("threshold")), check.getString("outcome"),
            check.getString("detail", "")));
      }
      return new GateReview(reasons, changes, checks);
    } catch (IllegalArgumentException e) { // JsonException included
      return NONE;
    }
  }

  private static List<JsonValue> array(JsonObject json, String key) {
    JsonValue value = json.get(key);
    return value == null || value.isNull() ? List.of() : value.asArray().values();
  }

  private static Optional<Double> number(JsonValue value) {
    return value == null || value.isNull() ? Optional.empty()
        : Optional.of(value.asDouble());
  }
}
