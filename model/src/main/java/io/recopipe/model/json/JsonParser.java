package io.recopipe.model.json;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * A strict RFC 8259 JSON parser: no comments, trailing commas, leading zeros, single quotes,
 * duplicate keys or trailing content, because files and requests that another tool would read
 * differently should be refused, not guessed at. Errors carry line and column.
 *
 * <p>Hand-written, single pass, no regular expressions: strings without escapes are cut out of the
 * input directly, integers are accumulated digit by digit. Nesting deeper than
 * {@value #MAX_DEPTH} is refused so that hostile input cannot overflow the stack.
 */
public final class JsonParser extends JsonLexer {
  /** The deepest nesting of arrays and objects accepted. */
  public static final int MAX_DEPTH = 512;

  private int depth;

  private JsonParser(String text) {
    super(text);
  }

  /** Parses one JSON value that must make up all of {@code text} (whitespace aside). */
  public static JsonValue parse(String text) {
    JsonParser parser = new JsonParser(text);
    JsonValue value = parser.readValue();
    parser.skipWhitespace();
    if (parser.pos < parser.length) {
      throw parser.error("unexpected " + parser.describeCurrent() + " after the JSON value");
    }
    return value;
  }

  /** Parses UTF-8 bytes; malformed UTF-8 is refused rather than replaced. */
  public static JsonValue parse(byte[] utf8) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(utf8)).toString();
    } catch (CharacterCodingException e) {
      throw new JsonException("input is not valid UTF-8 (" + e.getMessage() + ")");
    }
    return parse(text);
  }

  private JsonValue readValue() {
    skipWhitespace();
    if (pos >= length) {
      throw error("unexpected end of input, expected a value");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return readObject();
      case '[':
        return readArray();
      case '"':
        return new JsonString(readString());
      case 't':
        readWord("true");
        return JsonBoolean.TRUE;
      case 'f':
        readWord("false");
        return JsonBoolean.FALSE;
      case 'n':
        readWord("null");
        return JsonNull.INSTANCE;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return readNumber();
        }
        throw error("unexpected " + describeCurrent() + ", expected a value");
    }
  }

  private JsonObject readObject() {
    enter();
    pos++;
    LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      depth--;
      return JsonObject.wrap(members);
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error(peek() == '}' ? "trailing comma before '}'"
            : "expected a string key, found " + describeCurrent());
      }
      int keyStart = pos;
      String key = readString();
      skipWhitespace();
      expect(':', "after key '" + key + "'");
      JsonValue value = readValue();
      if (members.putIfAbsent(key, value) != null) {
        pos = keyStart;
        throw error("duplicate key '" + key + "'");
      }
      skipWhitespace();
      char c = peek();
      pos++;
      if (c == '}') {
        depth--;
        return JsonObject.wrap(members);
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or '}' after a member, found " + describeCurrent());
      }
    }
  }

  private JsonArray readArray() {
    enter();
    pos++;
    ArrayList<JsonValue> values = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      depth--;
      return JsonArray.wrap(values);
    }
    while (true) {
      skipWhitespace();
      if (peek() == ']') {
        throw error("trailing comma before ']'");
      }
      values.add(readValue());
      skipWhitespace();
      char c = peek();
      pos++;
      if (c == ']') {
        depth--;
        return JsonArray.wrap(values);
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or ']' after an element, found " + describeCurrent());
      }
    }
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH + " levels");
    }
  }
}
