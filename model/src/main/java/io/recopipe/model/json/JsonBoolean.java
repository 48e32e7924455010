package io.recopipe.model.json;

/** JSON {@code true} and {@code false}, as constants because two values are all there are. */
public enum JsonBoolean implements JsonValue {
  /** JSON {@code true}. */
  TRUE,
  /** JSON {@code false}. */
  FALSE;

  /** Returns the constant for {@code value}. */
  public static JsonBoolean of(boolean value) {
    return value ? TRUE : FALSE;
  }

  /** The Java value. */
  public boolean value() {
    return this == TRUE;
  }

  @Override
  public String typeName() {
    return "boolean";
  }

  @Override
  public boolean asBoolean() {
    return value();
  }

  @Override
  public Object toJava() {
    return value();
  }

  @Override
  public String toString() {
    return value() ? "true" : "false";
  }
}
