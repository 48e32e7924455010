package io.recopipe.components.readers;

import java.util.Arrays;

/**
 * The fields of one record as ranges into a text, so the hot parsing loop reads numbers straight
 * from the line without allocating a substring per field.
 */
final class Fields {
  private CharSequence text = "";
  private int[] starts = new int[8];
  private int[] ends = new int[8];
  private int count;

  void reset(CharSequence newText) {
    text = newText;
    count = 0;
  }

  void add(int start, int end) {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      ends = Arrays.copyOf(ends, count * 2);
    }
    starts[count] = start;
    ends[count] = end;
    count++;
  }

  /** How many fields the record has. */
  int count() {
    return count;
  }

  CharSequence text() {
    return text;
  }

  int start(int field) {
    return starts[field];
  }

  int end(int field) {
    return ends[field];
  }

  /** The field as a string. */
  String get(int field) {
    return text.subSequence(starts[field], ends[field]).toString();
  }

  /** The field with surrounding spaces removed. */
  String trimmed(int field) {
    return get(field).strip();
  }

  /** The field quoted for a message, cut at 40 characters. */
  String quoted(int field) {
    String value = get(field);
    return "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'";
  }
}
