package io.recopipe.model.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson set up once for recopipe's JSON files and messages: strict reading (no duplicate keys,
 * comments or trailing content; errors as {@code line L, column C: what}) and writing in the layout
 * the files have always had (see {@link JsonLayout}), so that every module reads and writes the
 * same bytes through one library.
 *
 * <p>Only jackson-core's streaming parser and generator and databind's tree nodes are used, never
 * an {@code ObjectMapper}: serving reads its bundle's manifest before it is ready, and building a
 * mapper there would cost start-up time.
 */
public final class Json {
  /** The factory: duplicate keys refused, {@code \\u} escapes in lower-case hex as before. */
  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
          .build();

  private static final JsonNodeFactory NODES = new Nodes();
  private static final Pattern STRING_KEY =
      Pattern.compile(
          "Unexpected character \\('(.)' \\(code \\d+\\)\\): was expecting double-quote to start"
              + " field name");

  private Json() {}

  /** Parses UTF-8 bytes holding one JSON value; malformed UTF-8 is refused, not replaced. */
  public static JsonNode parse(byte[] utf8) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(utf8))
              .toString();
    } catch (CharacterCodingException e) {
      throw new JsonInputException("input is not valid UTF-8 (" + e.getMessage() + ")", e);
    }
    return parse(text);
  }

  /**
   * Parses one JSON value that must make up all of {@code text} (whitespace aside).
   *
   * @throws JsonInputException {@code line L, column C: what is wrong}
   */
  public static JsonNode parse(String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      if (parser.nextToken() == null) {
        int lastLine = text.lastIndexOf('\n');
        throw new JsonInputException(
            "line "
                + (text.chars().filter(c -> c == '\n').count() + 1)
                + ", column "
                + (text.length() - lastLine)
                + ": unexpected end of input, expected a"
                + " value");
      }
      JsonNode node = JsonTree.read(parser, NODES);
      if (parser.nextToken() != null) {
        JsonLocation at = parser.currentTokenLocation();
        throw new JsonInputException(
            "line "
                + at.getLineNr()
                + ", column "
                + at.getColumnNr()
                + ": unexpected content after the JSON value");
      }
      return node;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String detail = detail(e.getOriginalMessage());
      throw new JsonInputException(
          at == null
              ? detail
              : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + detail,
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String reader does not fail
    }
  }

  /** Jackson's description of a fault, in the words recopipe's messages have always used. */
  private static String detail(String message) {
    String first = message == null ? "malformed JSON" : message.lines().findFirst().orElse("");
    Matcher key = STRING_KEY.matcher(first);
    if (key.lookingAt()) {
      return "expected a string key, found '" + key.group(1) + "'";
    }
    return first;
  }

  /** Returns {@code value} on one line without spaces. */
  public static String compact(JsonNode value) {
    return JsonLayout.write(value, false);
  }

  /** Returns {@code value} indented by two spaces per level, without a final newline. */
  public static String pretty(JsonNode value) {
    return JsonLayout.write(value, true);
  }

  /** A new, empty object that keeps its members in insertion order. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** A new, empty array. */
  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** A new array holding {@code values}. */
  public static ArrayNode array(List<? extends JsonNode> values) {
    return NODES.arrayNode(values.size()).addAll(values);
  }

  /** A JSON number, or null for NaN and infinities (JSON has neither). */
  public static JsonNode number(double value) {
    return Double.isFinite(value) ? NODES.numberNode(value) : NullNode.getInstance();
  }

  /**
   * Converts plain Java to JSON: Map with String keys, Iterable, String, Number (integral types
   * become integers, others doubles), Boolean, Enum (its name), JsonNode, or null.
   *
   * @throws IllegalArgumentException for any other type or a non-String map key
   */
  public static JsonNode valueOf(Object value) {
    if (value == null) {
      return NullNode.getInstance();
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof String text) {
      return NODES.textNode(text);
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return NODES.numberNode(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      return NODES.numberNode(((Number) value).doubleValue());
    }
    if (value instanceof Boolean flag) {
      return NODES.booleanNode(flag);
    }
    if (value instanceof Enum<?> constant) {
      return NODES.textNode(constant.name());
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = object();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new IllegalArgumentException(
              "JSON object keys must be strings, found "
                  + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()));
        }
        object.set(key, valueOf(entry.getValue()));
      }
      return object;
    }
    if (value instanceof Iterable<?> iterable) {
      ArrayNode array = array();
      for (Object element : iterable) {
        array.add(valueOf(element));
      }
      return array;
    }
    throw new IllegalArgumentException("cannot convert " + value.getClass().getName() + " to JSON");
  }

  /**
   * Returns {@code value} as plain, unmodifiable Java: Map (in member order), List, String, Long
   * for integers, Double for other numbers, Boolean or null.
   */
  public static Object toJava(JsonNode value) {
    switch (value.getNodeType()) {
      case OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        value.properties().forEach(member -> map.put(member.getKey(), toJava(member.getValue())));
        return Collections.unmodifiableMap(map);
      }
      case ARRAY -> {
        List<Object> list = new ArrayList<>(value.size());
        value.forEach(element -> list.add(toJava(element)));
        return Collections.unmodifiableList(list);
      }
      case STRING -> {
        return value.textValue();
      }
      case NUMBER -> {
        return value.isIntegralNumber() && value.canConvertToLong()
            ? (Object) value.longValue()
            : (Object) value.doubleValue();
      }
      case BOOLEAN -> {
        return value.booleanValue();
      }
      default -> {
        return null;
      }
    }
  }

  /**
   * Makes nodes as the parser does (integers that fit an int as int nodes, floats as doubles), so
   * that a tree built in code equals the same tree read back from its text.
   */
  private static final class Nodes extends JsonNodeFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public NumericNode numberNode(long value) {
      return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
    }

    @Override
    public ValueNode numberNode(Long value) {
      return value == null ? nullNode() : numberNode(value.longValue());
    }

    @Override
    public NumericNode numberNode(float value) {
      return DoubleNode.valueOf(value);
    }

    @Override
    public ValueNode numberNode(Float value) {
      return value == null ? nullNode() : numberNode(value.floatValue());
    }
  }
}
