package io.recopipe.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonParserTest {

  @Test
  void parsesEveryValueType() {
    JsonObject object = JsonParser.parse(
        " {\"s\": \"x\", \"i\": -12, \"d\": 2.5e-3, \"t\": true, \"f\": false, \"n\": null,"
            + " \"a\": [1, [], {}], \"o\": {\"k\": \"v\"}} ").asObject();
    assertEquals("x", object.getString("s"));
    assertEquals(-12, object.getLong("i"));
    assertEquals(0.0025, object.getDouble("d"));
    assertTrue(object.getBoolean("t"));
    assertFalse(object.getBoolean("f"));
    assertTrue(object.get("n").isNull());
    assertEquals(3, object.getArray("a").size());
    assertEquals("v", object.getObject("o").getString("k"));
  }

  @Test
  void keepsMemberOrder() {
    JsonObject object = JsonParser.parse("{\"z\":1,\"a\":2,\"m\":3}").asObject();
    assertEquals(List.of("z", "a", "m"), List.copyOf(object.keys()));
  }

  @Test
  void integersStayLongsAndFractionsDoubles() {
    JsonNumber integer = JsonParser.parse("9007199254740993").asNumber();
    assertTrue(integer.isIntegral());
    assertEquals(9007199254740993L, integer.asLong());
    assertFalse(JsonParser.parse("1.0").asNumber().isIntegral());
    assertFalse(JsonParser.parse("1e2").asNumber().isIntegral());
    assertEquals(100.0, JsonParser.parse("1E+2").asDouble());
    assertEquals(Long.MIN_VALUE, JsonParser.parse("-9223372036854775808").asLong());
    assertEquals(Long.MAX_VALUE, JsonParser.parse("9223372036854775807").asLong());
  }

  @Test
  void integersBeyondLongBecomeDoubles() {
    JsonNumber big = JsonParser.parse("9223372036854775808").asNumber();
    assertFalse(big.isIntegral());
    assertEquals(9.223372036854775808e18, big.doubleValue());
    assertFalse(JsonParser.parse("-9223372036854775809").asNumber().isIntegral());
  }

  @Test
  void decodesAllEscapes() {
    String text =
        JsonParser.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0041 \\u00e9\"").asString();
    assertEquals("\" \\ / \b \f \n \r \t A é", text);
  }

  @Test
  void decodesSurrogatePairsFromEscapesAndRawText() {
    assertEquals("😀", JsonParser.parse("\"\\ud83d\\ude00\"").asString());
    assertEquals("😀", JsonParser.parse("\"\\uD83D\\uDE00\"").asString());
    assertEquals("a😀b€", JsonParser.parse("\"a😀b€\"").asString());
    assertEquals("\ud800", JsonParser.parse("\"\\ud800\"").asString());
  }

  @Test
  void parsesUtf8Bytes() {
    byte[] bytes = "{\"id\":\"日本😀\"}".getBytes(StandardCharsets.UTF_8);
    assertEquals("日本😀", JsonParser.parse(bytes).asObject().getString("id"));
  }

  @Test
  void refusesMalformedUtf8() {
    byte[] bytes = {'"', (byte) 0xc3, '"'};
    JsonException e = assertThrows(JsonException.class, () -> JsonParser.parse(bytes));
    assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{\"a\":1,}                | 1 | 8  | trailing comma before '}'",
      "[1,2,]                    | 1 | 6  | trailing comma before ']'",
      "{\"a\" 1}                 | 1 | 6  | expected ':' after key 'a'",
      "{\"a\":1 \"b\":2}         | 1 | 8  | expected ',' or '}' after a member",
      "[1 2]                     | 1 | 4  | expected ',' or ']' after an element",
      "{'a':1}                   | 1 | 2  | expected a string key",
      "01                        | 1 | 1  | leading zeros",
      "-                         | 1 | 2  | expected a digit after '-'",
      "1.                        | 1 | 3  | expected a digit after the decimal point",
      ".5                        | 1 | 1  | unexpected '.'",
      "+1                        | 1 | 1  | unexpected '+'",
      "1e                        | 1 | 3  | expected a digit in the exponent",
      "1e999                     | 1 | 1  | out of the range of a double",
      "tru                       | 1 | 1  | expected a value",
      "nul                       | 1 | 1  | expected a value",
      "NaN                       | 1 | 1  | unexpected 'N'",
      "\"abc                     | 1 | 1  | unterminated string",
      "\"\\x\"                   | 1 | 2  | invalid escape '\\x'",
      "\"\\u12g4\"               | 1 | 2  | four hex digits",
      "\"\\u12\"                 | 1 | 2  | four hex digits",
      "{\"a\":1,\"a\":2}         | 1 | 8  | duplicate key 'a'",
      "[1] [2]                   | 1 | 5  | after the JSON value",
      "/* c */ 1                 | 1 | 1  | unexpected '/'",
  })
  void refusesMalformedTextWithPosition(String text, int line, int column, String detail) {
    JsonParseException e = assertThrows(JsonParseException.class, () -> JsonParser.parse(text));
    assertEquals(line, e.line(), e.getMessage());
    assertEquals(column, e.column(), e.getMessage());
    assertTrue(e.getMessage().contains(detail), e.getMessage());
    assertTrue(e.getMessage().startsWith("line " + line + ", column " + column + ": "));
  }

  @Test
  void reportsLineAndColumnAcrossLines() {
    String text = "{\n  \"a\": 1,\n  \"b\": [1, 2,\n        x]\n}";
    JsonParseException e = assertThrows(JsonParseException.class, () -> JsonParser.parse(text));
    assertEquals(4, e.line());
    assertEquals(9, e.column());
    assertEquals("line 4, column 9: unexpected 'x', expected a value", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n"})
  void refusesEmptyInput(String text) {
    JsonParseException e = assertThrows(JsonParseException.class, () -> JsonParser.parse(text));
    assertTrue(e.getMessage().contains("unexpected end of input"), e.getMessage());
  }

  @Test
  void refusesRawControlCharactersInStrings() {
    JsonParseException e = assertThrows(JsonParseException.class,
        () -> JsonParser.parse("\"a\nb\""));
    assertTrue(e.getMessage().contains("control character U+000A"), e.getMessage());
    assertEquals(1, e.line());
    assertEquals(3, e.column());
  }

  @Test
  void refusesExcessiveNesting() {
    String deep = "[".repeat(JsonParser.MAX_DEPTH + 1) + "]".repeat(JsonParser.MAX_DEPTH + 1);
    JsonParseException e = assertThrows(JsonParseException.class, () -> JsonParser.parse(deep));
    assertTrue(e.getMessage().contains("nesting deeper than"), e.getMessage());
    String ok = "[".repeat(JsonParser.MAX_DEPTH) + "]".repeat(JsonParser.MAX_DEPTH);
    assertEquals("array", JsonParser.parse(ok).typeName());
  }

  @Test
  void acceptsAllFourWhitespaceCharacters() {
    assertEquals(1, JsonParser.parse(" \t\r\n[ 1 ]\r\n").asArray().size());
  }
}
