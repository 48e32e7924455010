package io.recopipe.components.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeySuggestionsTest {
  private static final Set<String> GATE =
      Set.of("r2_min", "rmse_max", "max_regression_abs", "max_regression_rel", "auto_bless");

  @Test
  void suggestsTheClosestKeyForTyposSwapsAndPrefixes() {
    assertEquals(Optional.of("r2_min"), KeySuggestions.closest("r2_mn", GATE));
    assertEquals(Optional.of("rmse_max"), KeySuggestions.closest("rmse_mxa", GATE));
    assertEquals(Optional.of("r2_min"), KeySuggestions.closest("r2_minimum", GATE));
    assertEquals(Optional.of("r2_min"), KeySuggestions.closest("R2_MIN ", GATE));
    assertEquals(
        Optional.of("max_regression_abs"), KeySuggestions.closest("max_regresion_abs", GATE));
  }

  @Test
  void suggestsNothingForAnUnrelatedKey() {
    assertEquals(Optional.empty(), KeySuggestions.closest("colour", GATE));
    assertEquals(Optional.empty(), KeySuggestions.closest("x", GATE));
  }

  @Test
  void distanceCountsAnAdjacentSwapAsOneEdit() {
    assertEquals(1, KeySuggestions.distance("trian", "train"));
    assertEquals(1, KeySuggestions.distance("r2_mn", "r2_min"));
    assertEquals(0, KeySuggestions.distance("seed", "seed"));
  }

  @Test
  void unknownKeysAreAllNamedWithTheirSectionAndCarried() {
    UnknownKeysException e =
        assertThrows(
            UnknownKeysException.class,
            () ->
                UnknownKeysException.requireKnown(
                    "gate",
                    Map.of("r2_mn", "0.3", "colour", "red", "auto_bless", "true"),
                    GATE,
                    "parameter"));
    assertEquals(
        "gate.colour: unknown parameter (known: auto_bless, max_regression_abs, "
            + "max_regression_rel, r2_min, rmse_max); gate.r2_mn: unknown parameter (did you mean "
            + "gate.r2_min?)",
        e.getMessage());
    assertEquals(List.of("colour", "r2_mn"), e.keys());
  }
}
