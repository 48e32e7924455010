package io.recopipe.model.json;

import java.util.Objects;

/**
 * A JSON string; any Java string, including unpaired surrogates, which the writer escapes so that
 * it reads back unchanged.
 *
 * @param value the text
 */
public record JsonString(String value) implements JsonValue {

  /** Creates the value; {@code value} must not be null. */
  public JsonString {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String typeName() {
    return "string";
  }

  @Override
  public String asString() {
    return value;
  }

  @Override
  public Object toJava() {
    return value;
  }

  @Override
  public String toString() {
    return JsonWriter.compact(this);
  }
}
