package io.recopipe.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The compact lines compared byte for byte with what the earlier JSON writer printed for the same
 * values (the expected strings were produced by it): bench lines and the CLI's other rows are
 * written through {@link Json#valueOf} and {@link Json#compact}.
 */
class JsonRowsTest {
  /** The earlier writer's output for {@link #row()}. */
  private static final String ROW_BEFORE =
      "{\"case\":\"ml-100k-u1\",\"int\":42,\"long\":9007199254740993,\"min_long\":-922337203685"
          + "4775808,\"short\":7,\"byte\":-3,\"tenth\":0.1,\"whole\":3.0,\"third\":0.3333333333333333"
          + ",\"tiny\":1.0E-7,\"milli\":0.001,\"big\":1.2345678E7,\"huge\":1.0E21,\"neg_zero\":-0.0,"
          + "\"min_double\":4.9E-324,\"max_double\":1.7976931348623157E308,\"float\":0.10000000149011"
          + "612,\"float_whole\":2.0,\"nan\":null,\"inf\":null,\"neg_inf\":null,\"null\":null,\"yes\""
          + ":true,\"no\":false,\"enum\":\"SECONDS\",\"text\":\"quote \\\" backslash \\\\ slash / nl "
          + "\\n cr \\r tab \\t bs \\b ff \\f nul \\u0000 us \\u001f esc \\u001b del \u007f latin "
          + "\u00e9 mark \u2713 emoji \ud83d\ude00 ls \u2028 nbsp \u00a0\",\"\u043a\u043b\u044e\u0447"
          + " \\t\":\"\u0437\u043d\u0430\u0447\u0435\u043d\u0438\u0435\",\"nested\":{\"list\":[1,2.5,"
          + "\"x\",null,[],{},true],\"empty\":{}}}";

  /** JSON text, and the earlier writer's output for it once parsed. */
  private static final String[][] PARSED_BEFORE = {
    {"1.0", "1.0"},
    {"1e3", "1000.0"},
    {"0.30000000000000004", "0.30000000000000004"},
    {"-0", "0"},
    {"12", "12"},
    {"-12.50", "-12.5"},
    {"\"a\\u001fb\"", "\"a\\u001fb\""},
    {"[1,{\"k\":null}]", "[1,{\"k\":null}]"},
    {"1E-7", "1.0E-7"},
    {"123456789012", "123456789012"},
  };

  @Test
  void writesARowByteForByteAsTheEarlierWriterDid() {
    assertEquals(ROW_BEFORE, Json.compact(Json.valueOf(row())));
    assertEquals(ROW_BEFORE, Json.compact(Json.valueOf(Json.parse(ROW_BEFORE))));
  }

  /** The earlier writer appended doubles to a StringBuilder, which spells them Double.toString. */
  @Test
  void spellsEveryDoubleAsDoubleToStringAndFloatsWidened() {
    SplittableRandom random = new SplittableRandom(14);
    for (int n = 0; n < 20_000; n++) {
      double value =
          n % 2 == 0
              ? Double.longBitsToDouble(random.nextLong())
              : Math.round(random.nextDouble() * 1e6) / Math.pow(10, random.nextInt(9));
      String expected = Double.isFinite(value) ? Double.toString(value) : "null";
      assertEquals(expected, Json.compact(Json.valueOf(value)));
      float single = (float) value;
      assertEquals(
          Float.isFinite(single) ? Double.toString(single) : "null",
          Json.compact(Json.valueOf(single)));
    }
    // JDK 17 spells these 0.0020 and 1.0E23, later JDKs 0.002 and 1.0E23: as the JDK says
    assertEquals("[" + 2e-3 + "," + 1e23 + "]", Json.compact(Json.valueOf(List.of(2e-3, 1e23))));
  }

  @Test
  void writesParsedValuesAsTheEarlierWriterDid() {
    for (String[] pair : PARSED_BEFORE) {
      assertEquals(pair[1], Json.compact(Json.valueOf(Json.parse(pair[0]))), pair[0]);
    }
  }

  @Test
  void namesTheFieldAndWhatWasFound() {
    JsonNode object =
        JsonFields.asObject(
            Json.parse(
                "{\"seed\": \"7\", \"n\": 3.0, \"x\": 3.5,"
                    + " \"big\": 4294967296, \"none\": null}"));
    assertEquals(
        "field 'seed': expected an integer, found string",
        assertThrows(IllegalArgumentException.class, () -> JsonFields.longValue(object, "seed"))
            .getMessage());
    assertEquals(
        "field 'gone' is missing",
        assertThrows(IllegalArgumentException.class, () -> JsonFields.string(object, "gone"))
            .getMessage());
    assertEquals(
        "field 'x': expected an integer, found 3.5",
        assertThrows(IllegalArgumentException.class, () -> JsonFields.intValue(object, "x"))
            .getMessage());
    assertEquals(
        "field 'big': expected a 32-bit integer, found 4294967296",
        assertThrows(IllegalArgumentException.class, () -> JsonFields.intValue(object, "big"))
            .getMessage());
    assertEquals(
        "expected an object, found array",
        assertThrows(IllegalArgumentException.class, () -> JsonFields.asObject(Json.parse("[]")))
            .getMessage());
    assertEquals(3, JsonFields.intValue(object, "n"));
    assertEquals("fallback", JsonFields.string(object, "none", "fallback"));
    assertTrue(Double.isNaN(JsonFields.doubleOrNaN(object, "none")));
  }

  /** Every kind of value a benchmark row holds, and strings that need escaping. */
  static Map<String, Object> row() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("list", Arrays.asList(1, 2.5, "x", null, List.of(), Map.of(), true));
    nested.put("empty", new LinkedHashMap<>());
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("case", "ml-100k-u1");
    row.put("int", 42);
    row.put("long", 9007199254740993L);
    row.put("min_long", Long.MIN_VALUE);
    row.put("short", (short) 7);
    row.put("byte", (byte) -3);
    row.put("tenth", 0.1);
    row.put("whole", 3.0);
    row.put("third", 1.0 / 3);
    row.put("tiny", 1e-7);
    row.put("milli", 0.001);
    row.put("big", 1.2345678e7);
    row.put("huge", 1e21);
    row.put("neg_zero", -0.0);
    row.put("min_double", Double.MIN_VALUE);
    row.put("max_double", Double.MAX_VALUE);
    row.put("float", 0.1f);
    row.put("float_whole", 2f);
    row.put("nan", Double.NaN);
    row.put("inf", Double.POSITIVE_INFINITY);
    row.put("neg_inf", Float.NEGATIVE_INFINITY);
    row.put("null", null);
    row.put("yes", true);
    row.put("no", false);
    row.put("enum", TimeUnit.SECONDS);
    row.put(
        "text",
        "quote \" backslash \\ slash / nl \n cr \r tab \t bs \b ff \f nul \u0000"
            + " us \u001f esc \u001b del \u007f latin é mark ✓ emoji 😀 ls \u2028 nbsp \u00a0");
    row.put("ключ \t", "значение");
    row.put("nested", nested);
    return row;
  }
}
