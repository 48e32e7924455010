package io.recopipe.components.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.validation.DataCheck.Outcome;
import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.io.Json;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataValidatorTest {
  private static final Ratings EVAL = RatingHistogramTest.ratings(3, 4);
  private static final IdDictionary KNOWN_USERS = IdDictionary.of(List.of("u0", "u1"));
  private static final IdDictionary KNOWN_ITEMS = IdDictionary.of(List.of("i0", "i1"));

  @Test
  void aChangedSchemaGoesToReviewWithoutWithholdingTheBlessing() {
    DataProfile champion = profile("integer", 100, 1, 2, 3);
    DataProfile candidate = profile("string", 100, 1, 2, 3);
    DataValidation result = validate(candidate, champion);
    DataCheck schema = result.checks().get(0);
    assertEquals(Outcome.FAIL, schema.outcome());
    assertEquals("user_ids \"integer\" → \"string\"", schema.detail());
    assertEquals(
        List.of("data schema changed: user_ids \"integer\" → \"string\""), result.reviewReasons());
    assertEquals(List.of(), result.failed());
    assertTrue(result.comparable());
  }

  @Test
  void fewerRowsThanAllowedWithholdTheBlessing() {
    DataValidation result =
        validate(profile("integer", 40, 1, 2, 3), profile("integer", 100, 1, 2, 3));
    DataCheck rows = result.checks().get(1);
    assertEquals(DataValidator.ROW_COUNT_CHANGE, rows.name());
    assertEquals(0.6, rows.value(), 1e-12);
    assertEquals(Outcome.FAIL, rows.outcome());
    assertEquals(List.of(DataValidator.ROW_COUNT_CHANGE), result.failed());
    assertEquals(List.of(), result.reviewReasons());
  }

  @Test
  void thresholdsSwitchedOffAreNotChecked() {
    DataThresholds none =
        new DataThresholds(
            java.util.OptionalDouble.empty(),
            java.util.OptionalDouble.empty(),
            java.util.OptionalDouble.empty(),
            java.util.OptionalDouble.empty());
    DataValidation result =
        DataValidator.validate(
            profile("integer", 10, 1),
            EVAL,
            Optional.of(profile("integer", 1000, 5)),
            KNOWN_USERS,
            IdDictionary.of(List.of()),
            none);
    assertEquals(
        List.of(DataValidator.SCHEMA), result.checks().stream().map(DataCheck::name).toList());
    assertTrue(result.comparable());
  }

  @Test
  void evalItemsTheChampionNeverSawMakeTheComparisonImpossible() {
    DataValidation result =
        DataValidator.validate(
            profile("integer", 100, 1, 2, 3),
            EVAL,
            Optional.of(profile("integer", 100, 1, 2, 3)),
            KNOWN_USERS,
            IdDictionary.of(List.of("i0")),
            DataThresholds.DEFAULTS);
    DataCheck items = result.checks().get(4);
    assertEquals(DataValidator.UNKNOWN_EVAL_ITEMS, items.name());
    assertEquals(0.5, items.value(), 0);
    assertEquals(Outcome.PASS, items.outcome(), "at the threshold is within it");
    DataValidation worse =
        DataValidator.validate(
            profile("integer", 100, 1, 2, 3),
            EVAL,
            Optional.of(profile("integer", 100, 1, 2, 3)),
            KNOWN_USERS,
            IdDictionary.of(List.of()),
            DataThresholds.DEFAULTS);
    assertEquals(false, worse.comparable());
    assertEquals(
        List.of(
            "data not comparable with the champion's, so the change-vs-champion "
                + "checks were not made: 2 of 2 eval items (100.0%) unknown to the champion (beyond "
                + "50.0%)"),
        worse.reviewReasons());
  }

  private static DataValidation validate(DataProfile candidate, DataProfile champion) {
    return DataValidator.validate(
        candidate, EVAL, Optional.of(champion), KNOWN_USERS, KNOWN_ITEMS, DataThresholds.DEFAULTS);
  }

  private static DataProfile profile(String userIds, long rows, float... ratings) {
    ObjectNode schema = Json.object().put("user_ids", userIds).put("item_ids", "integer");
    return new DataProfile(
        schema,
        rows,
        rows,
        0,
        2,
        2,
        RatingHistogram.of(List.of(RatingHistogramTest.ratings(ratings))));
  }
}
