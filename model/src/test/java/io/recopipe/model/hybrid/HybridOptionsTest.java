package io.recopipe.model.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.recopipe.model.als.InvalidOptionsException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HybridOptionsTest {
  @Test
  void readsValuesAndKeepsDefaultsForTheRest() {
    HybridOptions options = HybridOptions.fromMap(Map.of("l2_reg", "2.5"));
    assertEquals(2.5, options.l2Reg());
    assertEquals(HybridOptions.defaults().coldStartFraction(), options.coldStartFraction());
  }

  @Test
  void reportsEveryProblemAtOnce() {
    InvalidOptionsException e =
        assertThrows(
            InvalidOptionsException.class,
            () ->
                HybridOptions.fromMap(
                    Map.of("l2_reg", "0", "cold_start_fraction", "1.5", "l2", "3")));
    assertEquals(3, e.problems().size(), e.getMessage());
    assertEquals("cold_start_fraction must be a number in (0, 1], was '1.5'", e.problems().get(2));
  }
}
