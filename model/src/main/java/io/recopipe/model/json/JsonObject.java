package io.recopipe.model.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable JSON object that keeps its members in insertion order, so that a manifest written
 * and read again looks the same to a person and to {@code diff}.
 *
 * <p>The typed getters name the field in their errors ({@code field 'seed': expected an integer,
 * found string}; {@code field 'seed' is missing}), which is what a user needs to fix a file.
 */
public final class JsonObject implements JsonValue {
  private static final JsonObject EMPTY = new JsonObject(Map.of());
  private final Map<String, JsonValue> members;

  private JsonObject(Map<String, JsonValue> members) {
    this.members = members;
  }

  /** Returns a builder for a new object. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the empty object. */
  public static JsonObject empty() {
    return EMPTY;
  }

  /** Wraps a map the caller hands over and never touches again (the parser's fast path). */
  static JsonObject wrap(LinkedHashMap<String, JsonValue> members) {
    return members.isEmpty() ? EMPTY : new JsonObject(Collections.unmodifiableMap(members));
  }

  /** The members in insertion order, unmodifiable. */
  public Map<String, JsonValue> members() {
    return members;
  }

  /** The keys in insertion order. */
  public Set<String> keys() {
    return members.keySet();
  }

  /** How many members there are. */
  public int size() {
    return members.size();
  }

  /** Whether {@code key} is present (possibly with a null value). */
  public boolean has(String key) {
    return members.containsKey(key);
  }

  /** Returns the value of {@code key}, or Java null when the key is absent. */
  public JsonValue get(String key) {
    return members.get(key);
  }

  /** Returns the value of {@code key}, or throws {@code field 'key' is missing}. */
  public JsonValue require(String key) {
    JsonValue value = members.get(key);
    if (value == null) {
      throw new JsonException("field '" + key + "' is missing");
    }
    return value;
  }

  /** Returns a required string field. */
  public String getString(String key) {
    try {
      return require(key).asString();
    } catch (JsonException e) {
      throw inField(key, e);
    }
  }

  /** Returns a string field, or {@code fallback} when it is absent or null. */
  public String getString(String key, String fallback) {
    JsonValue value = members.get(key);
    return value == null || value.isNull() ? fallback : getString(key);
  }

  /** Returns a required integer field that fits a long. */
  public long getLong(String key) {
    try {
      return require(key).asLong();
    } catch (JsonException e) {
      throw inField(key, e);
    }
  }

  /** Returns a required integer field that fits an int. */
  public int getInt(String key) {
    try {
      return require(key).asInt();
    } catch (JsonException e) {
      throw inField(key, e);
    }
  }

  /** Returns a required number field. */
  public double getDouble(String key) {
    try {
      return require(key).asDouble();
    } catch (JsonException e) {
      throw inField(key, e);
    }
  }

  /** Returns a required number field where null stands for NaN, as the writer emits NaN. */
  public double getDoubleOrNaN(String key) {
    return require(key).isNull() ? Double.NaN : getDouble(key);
  }

  /** Returns a required boolean field. */
  public boolean getBoolean(String key) {
    try {
      return require(key).asBoolean();
    } catch (JsonException e) {
      throw inField(key, e);
    }
  }

  /** Returns a required object field. */
  public JsonObject getObject(String key) {
    try {
      return require(key).asObject();
    } catch (JsonException e) {
      throw inField(key, e);
    }
  }

  /** Returns a required array field. */
  public JsonArray getArray(String key) {
    try {
      return require(key).asArray();
    } catch (JsonException e) {
      throw inField(key, e);
    }
  }

  private static JsonException inField(String key, JsonException e) {
    String message = e.getMessage();
    return message.startsWith("field '") ? e
        : new JsonException("field '" + key + "': " + message);
  }

  @Override
  public String typeName() {
    return "object";
  }

  @Override
  public JsonObject asObject() {
    return this;
  }

  @Override
  public Object toJava() {
    Map<String, Object> map = new LinkedHashMap<>();
    members.forEach((key, value) -> map.put(key, value.toJava()));
    return Collections.unmodifiableMap(map);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonObject that && members.equals(that.members);
  }

  @Override
  public int hashCode() {
    return members.hashCode();
  }

  @Override
  public String toString() {
    return JsonWriter.compact(this);
  }

  /** Collects members in order; a repeated key replaces the earlier value in place. */
  public static final class Builder {
    private final LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();

    private Builder() {
    }

    /** Adds or replaces a member; a Java null value becomes JSON null. */
    public Builder put(String key, JsonValue value) {
      members.put(Objects.requireNonNull(key, "key"), value == null ? JsonNull.INSTANCE : value);
      return this;
    }

    /** Adds a string member (null becomes JSON null). */
    public Builder put(String key, String value) {
      return put(key, value == null ? JsonNull.INSTANCE : new JsonString(value));
    }

    /** Adds an integer member. */
    public Builder put(String key, long value) {
      return put(key, JsonNumber.of(value));
    }

    /** Adds a floating-point member (NaN and infinities are written as null). */
    public Builder put(String key, double value) {
      return put(key, JsonNumber.of(value));
    }

    /** Adds a boolean member. */
    public Builder put(String key, boolean value) {
      return put(key, JsonBoolean.of(value));
    }

    /** Builds the object from the members so far; the builder stays usable. */
    public JsonObject build() {
      return wrap(new LinkedHashMap<>(members));
    }
  }
}
