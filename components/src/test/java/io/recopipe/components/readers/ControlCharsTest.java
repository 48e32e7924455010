package io.recopipe.components.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ControlCharsTest {
  @Test
  void escapesControlAndInvisibleFormattingCharacters() {
    assertEquals(
        "a\\tb\\nc\\r\\0d\\u001b[31mred\\u007f\\u009b\\u2028\\u202e",
        ControlChars.escape("a\tb\nc\r\0d\u001b[31mred\u007f\u009b\u2028\u202e"));
    assertEquals("José – Café ★", ControlChars.escape("José – Café ★"));
  }

  @Test
  void plainTextIsReturnedAsIs() {
    String plain = "user_id,item_id";
    assertSame(plain, ControlChars.escape(plain));
    assertEquals("null", ControlChars.escape(null));
  }
}
