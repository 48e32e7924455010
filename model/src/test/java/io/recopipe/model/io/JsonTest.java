package io.recopipe.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Strict parsing with positions, typed field reads and conversion to plain Java. */
class JsonTest {

  private static String refused(String text) {
    return assertThrows(JsonInputException.class, () -> Json.parse(text)).getMessage();
  }

  @Test
  void namesLineAndColumnOfAFault() {
    String message = refused("{\n  \"a\": 1,,\n  \"b\": 2\n}");
    assertTrue(message.matches("line 2, column \\d+: expected a string key, found ','"), message);
    assertTrue(refused("[1, 2").startsWith("line 1, column "));
    assertEquals("line 2, column 3: unexpected end of input, expected a value", refused("\n  "));
  }

  @Test
  void refusesWhatAnotherToolWouldReadDifferently() {
    for (String bad :
        List.of(
            "{\"a\":1,\"a\":2}",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "NaN",
            "// c\n1",
            "'x'",
            "1 2",
            "{} x",
            "\"tab\there\"",
            "[1] // c")) {
      assertTrue(refused(bad).startsWith("line "), bad);
    }
    assertTrue(
        refused("1 2").endsWith(": unexpected content after the JSON value"), refused("1 2"));
    assertTrue(
        assertThrows(JsonInputException.class, () -> Json.parse(new byte[] {'"', (byte) 0xff, '"'}))
            .getMessage()
            .startsWith("input is not valid UTF-8"));
  }

  @Test
  void namesTheFieldAndWhatWasFound() {
    ObjectNode json =
        Json.object().put("seed", "four").put("n", 1.5).put("big", 1L << 32).put("whole", 3.0);
    json.putNull("none");
    assertEquals(
        "field 'seed': expected an integer, found string",
        assertThrows(JsonInputException.class, () -> JsonFields.longValue(json, "seed"))
            .getMessage());
    assertEquals(
        "field 'gone' is missing",
        assertThrows(JsonInputException.class, () -> JsonFields.string(json, "gone")).getMessage());
    assertEquals(
        "field 'n': expected an integer, found 1.5",
        assertThrows(JsonInputException.class, () -> JsonFields.intValue(json, "n")).getMessage());
    assertEquals(
        "field 'big': expected a 32-bit integer, found 4294967296",
        assertThrows(JsonInputException.class, () -> JsonFields.intValue(json, "big"))
            .getMessage());
    assertEquals(
        "field 'none': expected an object, found null",
        assertThrows(JsonInputException.class, () -> JsonFields.object(json, "none")).getMessage());
    assertEquals(3, JsonFields.longValue(json, "whole"));
    assertEquals("x", JsonFields.string(json, "none", "x"));
    assertTrue(Double.isNaN(JsonFields.doubleOrNaN(json, "none")));
  }

  @Test
  void convertsToPlainJavaWithLongsAndDoubles() {
    JsonNode parsed =
        Json.parse("{\"i\":1,\"d\":1.0,\"s\":\"x\",\"b\":true,\"n\":null," + "\"l\":[1,{}]}");
    Map<String, Object> expected = new java.util.LinkedHashMap<>();
    expected.put("i", 1L);
    expected.put("d", 1.0);
    expected.put("s", "x");
    expected.put("b", true);
    expected.put("n", null);
    expected.put("l", List.of(1L, Map.of()));
    assertEquals(expected, Json.toJava(parsed));
    assertEquals(parsed, Json.parse(Json.compact(Json.valueOf(Json.toJava(parsed)))));
    assertEquals(Json.parse("{\"n\":7}"), Json.valueOf(Map.of("n", 7)));
    assertEquals(
        Json.parse("{\"n\":7,\"f\":0.5,\"l\":8589934592}"),
        Json.object().put("n", 7L).put("f", 0.5f).put("l", 1L << 33));
  }
}
