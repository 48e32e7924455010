package io.recopipe.components.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The smoke test's numeric-id check is the regex it replaces, without compiling one per id. */
class SmokeTestTest {
  @Test
  void numericMatchesTheRegex() {
    for (String id :
        new String[] {
          "",
          "0",
          "00",
          "01",
          "1",
          "9",
          "10",
          "123456789012345678",
          "1234567890123456789",
          "-1",
          "1a",
          "a",
          " 1",
          "١",
          "999999937"
        }) {
      assertEquals(id.matches("0|[1-9][0-9]{0,17}"), SmokeTest.numeric(id), id);
    }
  }
}
