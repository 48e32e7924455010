package io.recopipe.pipeline.json;

import io.recopipe.model.error.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Typed reads of a Jackson tree that refuse the wrong type instead of converting it, and name the
 * field and what was found ({@code field 'seed': expected an integer, found string};
 * {@code field 'seed' is missing}), which is what a user needs to fix a file. Every failure is an
 * {@link IllegalArgumentException}, as bad input always is.
 *
 * <p>The member reads expect an object: check it with {@link #object(JsonNode)} first.
 */
public final class JsonFields {
  private JsonFields() {
  }

  /** Returns {@code value} when it is an object, or throws. */
  public static JsonNode object(JsonNode value) {
    if (!value.isObject()) {
      throw mismatch("an object", value);
    }
    return value;
  }

  /** Returns {@code value} when it is an array, or throws. */
  public static JsonNode array(JsonNode value) {
    if (!value.isArray()) {
      throw mismatch("an array", value);
    }
    return value;
  }

  /** Returns the text of {@code value} when it is a string, or throws. */
  public static String string(JsonNode value) {
    if (!value.isTextual()) {
      throw mismatch("a string", value);
    }
    return value.textValue();
  }

  /** Returns {@code value} as a double when it is a number, or throws. */
  public static double number(JsonNode value) {
    if (!value.isNumber()) {
      throw mismatch("a number", value);
    }
    return value.doubleValue();
  }

  /** Returns {@code value} when it is an integer, or a double with an exact long value. */
  public static long longValue(JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.longValue();
    }
    if (value.isFloatingPointNumber()) {
      double number = value.doubleValue();
      if (number == Math.rint(number) && number >= -0x1p63 && number < 0x1p63) {
        return (long) number;
      }
    }
    throw new InvalidInputException("expected an integer, found "
        + (value.isNumber() ? Json.compact(value) : typeName(value)));
  }

  /** Returns {@code value} when it is an integer that fits an int, or throws. */
  public static int intValue(JsonNode value) {
    long number = longValue(value);
    if (number != (int) number) {
      throw new InvalidInputException("expected a 32-bit integer, found " + number);
    }
    return (int) number;
  }

  /** Returns {@code value} when it is a boolean, or throws. */
  public static boolean bool(JsonNode value) {
    if (!value.isBoolean()) {
      throw mismatch("a boolean", value);
    }
    return value.booleanValue();
  }

  /** Returns member {@code key} of {@code object}, or throws {@code field 'key' is missing}. */
  public static JsonNode require(JsonNode object, String key) {
    JsonNode value = object.get(key);
    if (value == null) {
      throw new InvalidInputException("field '" + key + "' is missing");
    }
    return value;
  }

  /** Returns a required string member. */
  public static String string(JsonNode object, String key) {
    try {
      return string(require(object, key));
    } catch (IllegalArgumentException e) {
      throw inField(key, e);
    }
  }

  /** Returns a string member, or {@code fallback} when it is absent or null. */
  public static String string(JsonNode object, String key, String fallback) {
    JsonNode value = object.get(key);
    return value == null || value.isNull() ? fallback : string(object, key);
  }

  /** Returns a required number member. */
  public static double number(JsonNode object, String key) {
    try {
      return number(require(object, key));
    } catch (IllegalArgumentException e) {
      throw inField(key, e);
    }
  }

  /** Returns a required number member where null stands for NaN, as the writers emit NaN. */
  public static double numberOrNaN(JsonNode object, String key) {
    return require(object, key).isNull() ? Double.NaN : number(object, key);
  }

  /** Returns a required integer member that fits a long. */
  public static long longValue(JsonNode object, String key) {
    try {
      return longValue(require(object, key));
    } catch (IllegalArgumentException e) {
      throw inField(key, e);
    }
  }

  /** Returns a required integer member that fits an int. */
  public static int intValue(JsonNode object, String key) {
    try {
      return intValue(require(object, key));
    } catch (IllegalArgumentException e) {
      throw inField(key, e);
    }
  }

  /** Returns a required boolean member. */
  public static boolean bool(JsonNode object, String key) {
    try {
      return bool(require(object, key));
    } catch (IllegalArgumentException e) {
      throw inField(key, e);
    }
  }

  /** Returns a required array member. */
  public static JsonNode array(JsonNode object, String key) {
    try {
      return array(require(object, key));
    } catch (IllegalArgumentException e) {
      throw inField(key, e);
    }
  }

  /** The JSON type name used in messages: object, array, string, number, boolean or null. */
  public static String typeName(JsonNode value) {
    return value.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static IllegalArgumentException mismatch(String expected, JsonNode found) {
    return new InvalidInputException("expected " + expected + ", found " + typeName(found));
  }

  private static IllegalArgumentException inField(String key, IllegalArgumentException e) {
    String message = e.getMessage();
    return message.startsWith("field '") ? e
        : new InvalidInputException("field '" + key + "': " + message, e);
  }
}
