package io.recopipe.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bytes recopipe's JSON files have always had, compared character for character. */
class JsonLayoutTest {

  @Test
  void writesCompactly() {
    JsonNode object =
        Json.object()
            .put("a", 1)
            .put("b", "x")
            .put("c", true)
            .put("d", (String) null)
            .put("e", 0.5)
            .set("f", Json.valueOf(List.of(1, 2)));
    assertEquals(
        "{\"a\":1,\"b\":\"x\",\"c\":true,\"d\":null,\"e\":0.5,\"f\":[1,2]}", Json.compact(object));
  }

  @Test
  void prettyPrintsWithTwoSpaceIndentsAndNewlines() {
    ObjectNode object = Json.object().put("a", 1);
    object.set("list", Json.valueOf(List.of(1, "two")));
    object.set("empty", Json.object());
    object.set("none", Json.valueOf(List.of()));
    assertEquals(
        "{\n  \"a\": 1,\n  \"list\": [\n    1,\n    \"two\"\n  ],\n"
            + "  \"empty\": {},\n  \"none\": []\n}",
        Json.pretty(object));
    assertEquals(
        "[\n  {\n    \"k\": [\n      {}\n    ]\n  }\n]",
        Json.pretty(Json.valueOf(List.of(Map.of("k", List.of(Map.of()))))));
  }

  @Test
  void writesNanAndInfinityAsNull() {
    JsonNode values =
        Json.valueOf(
            List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.NaN));
    assertEquals("[null,null,null,null]", Json.compact(values));
    assertEquals("{\"x\":null}", Json.compact(Json.object().put("x", Double.NaN)));
    assertEquals("null", Json.compact(Json.number(Double.POSITIVE_INFINITY)));
  }

  @Test
  void writesDoublesAsJavaDoesAndFloatsAsTheirDoubleValue() {
    assertEquals(
        "[0.1,1.0,-0.0,1.0E-7,1.0E21,4.9E-324,0.10000000149011612,3]",
        Json.compact(
            Json.valueOf(List.of(0.1, 1.0, -0.0, 1e-7, 1e21, Double.MIN_VALUE, 0.1f, 3L))));
    assertEquals("{\"f\":0.10000000149011612}", Json.compact(Json.object().put("f", 0.1f)));
    Random random = new Random(3);
    for (int n = 0; n < 10_000; n++) {
      double value =
          n % 2 == 0
              ? random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20)
              : Double.longBitsToDouble(random.nextLong());
      if (Double.isFinite(value)) {
        assertEquals(Double.toString(value), Json.compact(Json.number(value)));
        assertEquals(
            Double.doubleToLongBits(value),
            Double.doubleToLongBits(Json.parse(Json.compact(Json.number(value))).doubleValue()));
      }
    }
  }

  @Test
  void escapesControlCharactersInLowerCaseHexAndKeepsNonAscii() {
    String text = "q\" b\\ n\n r\r t\t b\b f\f nul\u0000 us\u001f del\u007f é 日本 /";
    assertEquals(
        "\"q\\\" b\\\\ n\\n r\\r t\\t b\\b f\\f nul\\u0000 us\\u001f del\u007f " + "é 日本 /\"",
        Json.compact(Json.valueOf(text)));
    assertEquals("{\"\\u001b\":1}", Json.compact(Json.object().put("\u001b", 1)));
  }

  @Test
  void keepsSurrogatePairsAndEscapesLoneSurrogates() {
    assertEquals("\"😀\"", Json.compact(Json.valueOf("😀")));
    assertEquals("\"a\\ud800b\\udc00\"", Json.compact(Json.valueOf("a\ud800b\udc00")));
    assertEquals("\"\\ude00\\ud83d\"", Json.compact(Json.valueOf("\ude00\ud83d")));
    assertEquals(
        "{\n  \"k\\udfff\": \"😀\\ud83d\"\n}",
        Json.pretty(Json.object().put("k\udfff", "😀\ud83d")));
  }

  @Test
  void randomStringsRoundTripExactly() {
    Random random = new Random(11);
    for (int n = 0; n < 2_000; n++) {
      char[] chars = new char[random.nextInt(20)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] =
            random.nextInt(4) == 0 ? (char) random.nextInt(0x80) : (char) random.nextInt(0x10000);
      }
      String text = new String(chars);
      String json = Json.compact(Json.valueOf(text));
      assertEquals(text, Json.parse(json).textValue());
      assertEquals(text, Json.parse(json.getBytes(StandardCharsets.UTF_8)).textValue());
    }
  }

  /** Files earlier code wrote: read and written again, they must come out byte for byte. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "v1-explicit-export/manifest.json",
        "v1-explicit-export/data_profile.json",
        "v1-implicit-train/manifest.json",
        "v1-minimal/manifest.json"
      })
  void rewritesFilesEarlierCodeWroteByteForByte(String name) throws IOException {
    byte[] bytes;
    try (InputStream in =
        getClass().getResourceAsStream("/io/recopipe/model/bundle/compat/" + name)) {
      assertNotNull(in, name);
      bytes = in.readAllBytes();
    }
    String written = Json.pretty(Json.parse(bytes)) + "\n";
    assertArrayEquals(bytes, written.getBytes(StandardCharsets.UTF_8), name);
    assertTrue(written.contains("\n  \""), name);
  }
}
