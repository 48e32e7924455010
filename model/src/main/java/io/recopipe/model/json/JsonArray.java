package io.recopipe.model.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** An immutable JSON array; immutable so that a parsed request can be shared without copying. */
public final class JsonArray implements JsonValue, Iterable<JsonValue> {
  private static final JsonArray EMPTY = new JsonArray(List.of());
  private final List<JsonValue> values;

  private JsonArray(List<JsonValue> values) {
    this.values = values;
  }

  /** Returns an array holding a copy of {@code values}; null elements are refused. */
  public static JsonArray of(List<? extends JsonValue> values) {
    return values.isEmpty() ? EMPTY : new JsonArray(List.copyOf(values));
  }

  /** Wraps a list the caller hands over and never touches again (the parser's fast path). */
  static JsonArray wrap(ArrayList<JsonValue> values) {
    return values.isEmpty() ? EMPTY : new JsonArray(Collections.unmodifiableList(values));
  }

  /** How many elements there are. */
  public int size() {
    return values.size();
  }

  /** The element at {@code index}. */
  public JsonValue get(int index) {
    return values.get(index);
  }

  /** The elements, unmodifiable. */
  public List<JsonValue> values() {
    return values;
  }

  @Override
  public Iterator<JsonValue> iterator() {
    return values.iterator();
  }

  @Override
  public String typeName() {
    return "array";
  }

  @Override
  public JsonArray asArray() {
    return this;
  }

  @Override
  public Object toJava() {
    List<Object> list = new ArrayList<>(values.size());
    for (JsonValue value : values) {
      list.add(value.toJava());
    }
    return Collections.unmodifiableList(list);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonArray that && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return JsonWriter.compact(this);
  }
}
