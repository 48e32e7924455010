package io.recopipe.model.json;

/** JSON {@code null}, a singleton; numeric fields use it for NaN (SQL's NULL). */
public enum JsonNull implements JsonValue {
  /** The one null value. */
  INSTANCE;

  @Override
  public String typeName() {
    return "null";
  }

  @Override
  public boolean isNull() {
    return true;
  }

  @Override
  public Object toJava() {
    return null;
  }

  @Override
  public String toString() {
    return "null";
  }
}
