package io.recopipe.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed reads of Jackson trees that name what they found and where ({@code field 'seed': expected
 * an integer, found string}; {@code field 'seed' is missing}), which is what a user needs to fix a
 * file, where Jackson's own accessors would coerce or return a default silently.
 *
 * <p>The field readers take any node and treat a non-object as having no fields.
 */
public final class JsonFields {
  private JsonFields() {}

  /** The JSON type name used in messages: object, array, string, number, boolean or null. */
  public static String typeName(JsonNode value) {
    return switch (value.getNodeType()) {
      case OBJECT -> "object";
      case ARRAY -> "array";
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  /** The member names of an object in order; none for any other value. */
  public static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>(object.size());
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Returns {@code value} as an object, or throws when it is something else. */
  public static ObjectNode asObject(JsonNode value) {
    if (value instanceof ObjectNode object) {
      return object;
    }
    throw mismatch("an object", value);
  }

  /** Returns {@code value} as an array, or throws when it is something else. */
  public static ArrayNode asArray(JsonNode value) {
    if (value instanceof ArrayNode array) {
      return array;
    }
    throw mismatch("an array", value);
  }

  /** Returns the text of a string, or throws when {@code value} is not a string. */
  public static String asString(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    throw mismatch("a string", value);
  }

  /** Returns a number as a double, or throws when {@code value} is not a number. */
  public static double asDouble(JsonNode value) {
    if (value.isNumber()) {
      return value.doubleValue();
    }
    throw mismatch("a number", value);
  }

  /** Integers, and doubles with an exact long value such as {@code 3.0}, convert; others throw. */
  public static long asLong(JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.longValue();
    }
    if (value.isNumber()) {
      double number = value.doubleValue();
      if (!value.isIntegralNumber()
          && number == Math.rint(number)
          && number >= -0x1p63
          && number < 0x1p63) {
        return (long) number;
      }
      throw new JsonInputException("expected an integer, found " + Json.compact(value));
    }
    throw mismatch("an integer", value);
  }

  /** Returns an integer that fits an int, or throws. */
  public static int asInt(JsonNode value) {
    long number = asLong(value);
    if (number != (int) number) {
      throw new JsonInputException("expected a 32-bit integer, found " + number);
    }
    return (int) number;
  }

  /** Returns a boolean, or throws when {@code value} is not a boolean. */
  public static boolean asBoolean(JsonNode value) {
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    throw mismatch("a boolean", value);
  }

  /** Returns the value of {@code key}, or throws {@code field 'key' is missing}. */
  public static JsonNode require(JsonNode object, String key) {
    JsonNode value = object.get(key);
    if (value == null) {
      throw new JsonInputException("field '" + key + "' is missing");
    }
    return value;
  }

  /** Returns a required string field. */
  public static String string(JsonNode object, String key) {
    try {
      return asString(require(object, key));
    } catch (JsonInputException e) {
      throw inField(key, e);
    }
  }

  /** Returns a string field, or {@code fallback} when it is absent or null. */
  public static String string(JsonNode object, String key, String fallback) {
    JsonNode value = object.get(key);
    return value == null || value.isNull() ? fallback : string(object, key);
  }

  /** Returns a required integer field that fits a long. */
  public static long longValue(JsonNode object, String key) {
    try {
      return asLong(require(object, key));
    } catch (JsonInputException e) {
      throw inField(key, e);
    }
  }

  /** Returns a required integer field that fits an int. */
  public static int intValue(JsonNode object, String key) {
    try {
      return asInt(require(object, key));
    } catch (JsonInputException e) {
      throw inField(key, e);
    }
  }

  /** Returns a required number field. */
  public static double doubleValue(JsonNode object, String key) {
    try {
      return asDouble(require(object, key));
    } catch (JsonInputException e) {
      throw inField(key, e);
    }
  }

  /** Returns a required number field where null stands for NaN, as the writer emits NaN. */
  public static double doubleOrNaN(JsonNode object, String key) {
    return require(object, key).isNull() ? Double.NaN : doubleValue(object, key);
  }

  /** Returns a required boolean field. */
  public static boolean bool(JsonNode object, String key) {
    try {
      return asBoolean(require(object, key));
    } catch (JsonInputException e) {
      throw inField(key, e);
    }
  }

  /** Returns a required object field. */
  public static ObjectNode object(JsonNode object, String key) {
    try {
      return asObject(require(object, key));
    } catch (JsonInputException e) {
      throw inField(key, e);
    }
  }

  /** Returns a required array field. */
  public static ArrayNode array(JsonNode object, String key) {
    try {
      return asArray(require(object, key));
    } catch (JsonInputException e) {
      throw inField(key, e);
    }
  }

  /**
   * Returns an object whose values are all strings (or null) as a map in member order, or throws
   * naming the first member that holds something else.
   */
  public static Map<String, String> texts(JsonNode value) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> member : asObject(value).properties()) {
      try {
        JsonNode text = member.getValue();
        texts.put(member.getKey(), text.isNull() ? null : asString(text));
      } catch (JsonInputException e) {
        throw inField(member.getKey(), e);
      }
    }
    return texts;
  }

  private static JsonInputException inField(String key, JsonInputException e) {
    String message = e.getMessage();
    return message.startsWith("field '")
        ? e
        : new JsonInputException("field '" + key + "': " + message);
  }

  private static JsonInputException mismatch(String expected, JsonNode found) {
    return new JsonInputException("expected " + expected + ", found " + typeName(found));
  }
}
