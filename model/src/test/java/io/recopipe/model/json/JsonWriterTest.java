package io.recopipe.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  @Test
  void writesCompactly() {
    JsonObject object = JsonObject.builder().put("a", 1).put("b", "x").put("c", true)
        .put("d", (String) null).put("e", 0.5).put("f", JsonValue.of(List.of(1, 2))).build();
    assertEquals("{\"a\":1,\"b\":\"x\",\"c\":true,\"d\":null,\"e\":0.5,\"f\":[1,2]}",
        JsonWriter.compact(object));
  }

  @Test
  void prettyPrintsWithTwoSpaceIndents() {
    JsonObject object = JsonObject.builder().put("a", 1)
        .put("list", JsonValue.of(List.of(1, "two")))
        .put("empty", JsonObject.empty()).put("none", JsonValue.of(List.of())).build();
    assertEquals("{\n  \"a\": 1,\n  \"list\": [\n    1,\n    \"two\"\n  ],\n"
        + "  \"empty\": {},\n  \"none\": []\n}", JsonWriter.pretty(object));
  }

  @Test
  void writesNanAndInfinityAsNull() {
    JsonValue values = JsonValue.of(
        List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.NaN));
    assertEquals("[null,null,null,null]", JsonWriter.compact(values));
  }

  @Test
  void escapesControlCharactersQuotesAndBackslashes() {
    String text = "q\" b\\ n\n r\r t\t b\b f\f nul\u0000 us\u001f del\u007f";
    assertEquals("\"q\\\" b\\\\ n\\n r\\r t\\t b\\b f\\f nul\\u0000 us\\u001f del\u007f\"",
        JsonWriter.compact(new JsonString(text)));
  }

  @Test
  void keepsSurrogatePairsAndEscapesLoneSurrogates() {
    assertEquals("\"😀\"", JsonWriter.compact(new JsonString("😀")));
    assertEquals("\"a\\ud800b\\udc00\"", JsonWriter.compact(new JsonString("a\ud800b\udc00")));
    assertEquals("\"\\ude00\\ud83d\"", JsonWriter.compact(new JsonString("\ude00\ud83d")));
  }

  @Test
  void doublesReadBackBitEqualAndStayDoubles() {
    Random random = new Random(7);
    for (int n = 0; n < 10_000; n++) {
      double value = n % 2 == 0 ? random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20)
          : Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        continue;
      }
      JsonNumber back = JsonParser.parse(JsonWriter.compact(JsonNumber.of(value))).asNumber();
      assertFalse(back.isIntegral());
      assertEquals(Double.doubleToLongBits(value), Double.doubleToLongBits(back.doubleValue()));
    }
    assertFalse(JsonParser.parse(JsonWriter.compact(JsonNumber.of(3.0))).asNumber().isIntegral());
  }

  @Test
  void randomStringsRoundTripExactly() {
    Random random = new Random(11);
    for (int n = 0; n < 2_000; n++) {
      char[] chars = new char[random.nextInt(20)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = random.nextInt(4) == 0 ? (char) random.nextInt(0x80)
            : (char) random.nextInt(0x10000);
      }
      String text = new String(chars);
      String json = JsonWriter.compact(new JsonString(text));
      assertEquals(text, JsonParser.parse(json).asString());
    }
  }

  @Test
  void nestedDocumentsRoundTripCompactAndPretty() {
    JsonValue document = JsonValue.of(java.util.Map.of("k", List.of(
        java.util.Map.of("x", 1.25, "y", "é\n😀"), List.of(), true, Long.MIN_VALUE)));
    assertEquals(document, JsonParser.parse(JsonWriter.compact(document)));
    assertEquals(document, JsonParser.parse(JsonWriter.pretty(document)));
    assertTrue(JsonWriter.pretty(document).contains("\n"));
  }
}
