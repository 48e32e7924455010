package io.recopipe.components.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NumbersTest {
  private static float f(String text) {
    return Numbers.parseFloat(text, 0, text.length());
  }

  private static long l(String text) {
    return Numbers.parseLong(text, 0, text.length());
  }

  @Test
  void parsesDecimalsExactlyLikeTheJdk() {
    for (String text :
        new String[] {
          "4", "3.5", "0.5", "-1.25", "+2", "4.", ".5", "1e2", "2.5E-1", "3.14159", "123456.789"
        }) {
      assertEquals(Float.parseFloat(text), f(text), text);
    }
    assertEquals(4f, f(" 4 "));
  }

  @Test
  void signalsInvalidNumbersWithNaN() {
    for (String text : new String[] {"", "NaN", "abc", "4f", "1.2.3", "-", "Infinity", "0x10"}) {
      assertTrue(Float.isNaN(f(text)), text);
    }
  }

  @Test
  void parsesIntegersAndRejectsJunk() {
    assertEquals(978300760L, l("978300760"));
    assertEquals(-5L, l("-5"));
    assertEquals(Numbers.INVALID_LONG, l("12a"));
    assertEquals(Numbers.INVALID_LONG, l(""));
    assertEquals(Numbers.INVALID_LONG, l("1234567890123456789"));
    assertEquals(-1, Numbers.parseNonNegativeInt("3000000000", 0, 10));
    assertEquals(-1, Numbers.parseNonNegativeInt("-3", 0, 2));
    assertEquals(42, Numbers.parseNonNegativeInt("x42x", 1, 3));
  }
}
