package io.recopipe.model.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON value from a closed set of types, so that readers of manifests and requests can say
 * exactly what they found where they expected something else, instead of failing on a cast.
 *
 * <p>The {@code as…} accessors return the value when it has the asked-for type and otherwise throw
 * a {@link JsonException} such as {@code expected an integer, found string}.
 */
public sealed interface JsonValue
    permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

  /** The JSON type name used in messages: object, array, string, number, boolean or null. */
  String typeName();

  /** Returns this value as plain Java: Map, List, String, Long, Double, Boolean or null. */
  Object toJava();

  /** Returns this value as an object, or throws when it is something else. */
  default JsonObject asObject() {
    throw mismatch("an object");
  }

  /** Returns this value as an array, or throws when it is something else. */
  default JsonArray asArray() {
    throw mismatch("an array");
  }

  /** Returns this string's text, or throws when this is not a string. */
  default String asString() {
    throw mismatch("a string");
  }

  /** Returns this number, or throws when this is not a number. */
  default JsonNumber asNumber() {
    throw mismatch("a number");
  }

  /** Returns this number as a double, or throws when this is not a number. */
  default double asDouble() {
    return asNumber().doubleValue();
  }

  /** Returns this number as a long, or throws unless it is an integer that fits a long. */
  default long asLong() {
    throw mismatch("an integer");
  }

  /** Returns this number as an int, or throws unless it is an integer that fits an int. */
  default int asInt() {
    long value = asLong();
    if (value != (int) value) {
      throw new JsonException("expected a 32-bit integer, found " + value);
    }
    return (int) value;
  }

  /** Returns this boolean, or throws when this is not a boolean. */
  default boolean asBoolean() {
    throw mismatch("a boolean");
  }

  /** Whether this is JSON {@code null}. */
  default boolean isNull() {
    return false;
  }

  private JsonException mismatch(String expected) {
    return new JsonException("expected " + expected + ", found " + typeName());
  }

  /**
   * Converts plain Java to JSON: Map with String keys, Iterable, String, Number (integral types
   * become integers, others doubles), Boolean, Enum (its name), JsonValue, or null.
   *
   * @throws IllegalArgumentException for any other type or a non-String map key
   */
  static JsonValue of(Object value) {
    if (value == null) {
      return JsonNull.INSTANCE;
    }
    if (value instanceof JsonValue json) {
      return json;
    }
    if (value instanceof String text) {
      return new JsonString(text);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      return JsonNumber.of(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      return JsonNumber.of(((Number) value).doubleValue());
    }
    if (value instanceof Boolean flag) {
      return JsonBoolean.of(flag);
    }
    if (value instanceof Enum<?> constant) {
      return new JsonString(constant.name());
    }
    if (value instanceof Map<?, ?> map) {
      JsonObject.Builder builder = JsonObject.builder();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new IllegalArgumentException("JSON object keys must be strings, found "
              + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()));
        }
        builder.put(key, of(entry.getValue()));
      }
      return builder.build();
    }
    if (value instanceof Iterable<?> iterable) {
      List<JsonValue> values = new ArrayList<>();
      for (Object element : iterable) {
        values.add(of(element));
      }
      return JsonArray.of(values);
    }
    throw new IllegalArgumentException("cannot convert " + value.getClass().getName() + " to JSON");
  }
}
