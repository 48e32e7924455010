package io.recopipe.model.json;

import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON compactly (for requests and responses) or pretty-printed with two-space indents (for
 * manifests that people read and diff). NaN and infinities become {@code null}, as JSON has no
 * spelling for them; control characters and unpaired surrogates are escaped so that any Java
 * string reads back unchanged.
 */
public final class JsonWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private final StringBuilder out;
  private final boolean pretty;

  private JsonWriter(StringBuilder out, boolean pretty) {
    this.out = out;
    this.pretty = pretty;
  }

  /** Returns {@code value} on one line without spaces. */
  public static String compact(JsonValue value) {
    StringBuilder out = new StringBuilder();
    write(value, out, false);
    return out.toString();
  }

  /** Returns {@code value} indented by two spaces per level, without a final newline. */
  public static String pretty(JsonValue value) {
    StringBuilder out = new StringBuilder();
    write(value, out, true);
    return out.toString();
  }

  /** Appends {@code value} to {@code out}, compact or pretty. */
  public static void write(JsonValue value, StringBuilder out, boolean pretty) {
    new JsonWriter(out, pretty).value(value, 0);
  }

  private void value(JsonValue value, int level) {
    if (value instanceof JsonObject object) {
      object(object.members(), level);
    } else if (value instanceof JsonArray array) {
      array(array, level);
    } else if (value instanceof JsonString string) {
      string(string.value(), out);
    } else if (value instanceof JsonNumber number) {
      number(number);
    } else {
      out.append(value.toString()); // true, false, null
    }
  }

  private void object(Map<String, JsonValue> members, int level) {
    if (members.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    Iterator<Map.Entry<String, JsonValue>> entries = members.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<String, JsonValue> entry = entries.next();
      newline(level + 1);
      string(entry.getKey(), out);
      out.append(pretty ? ": " : ":");
      value(entry.getValue(), level + 1);
      if (entries.hasNext()) {
        out.append(',');
      }
    }
    newline(level);
    out.append('}');
  }

  private void array(JsonArray array, int level) {
    if (array.size() == 0) {
      out.append("[]");
      return;
    }
    out.append('[');
    for (int i = 0; i < array.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      newline(level + 1);
      value(array.get(i), level + 1);
    }
    newline(level);
    out.append(']');
  }

  private void newline(int level) {
    if (pretty) {
      out.append('\n');
      for (int i = 0; i < level; i++) {
        out.append("  ");
      }
    }
  }

  private void number(JsonNumber number) {
    if (number.isIntegral()) {
      out.append(number.asLong());
    } else {
      double value = number.doubleValue();
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        out.append("null");
      } else {
        out.append(value); // Double.toString: always has '.' or 'E', so it reads back as a double
      }
    }
  }

  /** Appends {@code text} as a JSON string literal. */
  static void string(String text, StringBuilder out) {
    out.append('"');
    int length = text.length();
    int plainFrom = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < length
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++; // a proper pair is written as is
        continue;
      }
      out.append(text, plainFrom, i);
      escape(c, out);
      plainFrom = i + 1;
    }
    out.append(text, plainFrom, length).append('"');
  }

  private static void escape(char c, StringBuilder out) {
    switch (c) {
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      default -> out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
          .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
    }
  }
}
