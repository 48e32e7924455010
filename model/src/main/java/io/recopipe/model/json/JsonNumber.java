package io.recopipe.model.json;

/**
 * A JSON number held as a {@code long} when it was written as an integer and as a {@code double}
 * otherwise, so that ids, counts and seeds survive exactly while measurements keep their precision.
 *
 * <p>A double may be NaN or infinite in memory; the writer emits those as {@code null}.
 */
public final class JsonNumber implements JsonValue {
  private final boolean integral;
  private final long longValue;
  private final double doubleValue;

  private JsonNumber(boolean integral, long longValue, double doubleValue) {
    this.integral = integral;
    this.longValue = longValue;
    this.doubleValue = doubleValue;
  }

  /** Returns an integer number. */
  public static JsonNumber of(long value) {
    return new JsonNumber(true, value, value);
  }

  /** Returns a floating-point number (written with a fraction or exponent). */
  public static JsonNumber of(double value) {
    return new JsonNumber(false, 0, value);
  }

  /** Whether this number is an integer (held as a long). */
  public boolean isIntegral() {
    return integral;
  }

  /** The value as a double (integers convert, possibly rounding beyond 2^53). */
  public double doubleValue() {
    return integral ? (double) longValue : doubleValue;
  }

  @Override
  public String typeName() {
    return "number";
  }

  @Override
  public JsonNumber asNumber() {
    return this;
  }

  /** Integers, and doubles with an exact long value such as {@code 3.0}, convert; others throw. */
  @Override
  public long asLong() {
    if (integral) {
      return longValue;
    }
    double value = doubleValue;
    if (value == Math.rint(value) && value >= -0x1p63 && value < 0x1p63) {
      return (long) value;
    }
    throw new JsonException("expected an integer, found " + JsonWriter.compact(this));
  }

  @Override
  public Object toJava() {
    return integral ? (Object) longValue : (Object) doubleValue;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonNumber that && integral == that.integral
        && (integral ? longValue == that.longValue
            : Double.compare(doubleValue, that.doubleValue) == 0);
  }

  @Override
  public int hashCode() {
    return integral ? Long.hashCode(longValue) : Double.hashCode(doubleValue) * 31;
  }

  @Override
  public String toString() {
    return JsonWriter.compact(this);
  }
}
