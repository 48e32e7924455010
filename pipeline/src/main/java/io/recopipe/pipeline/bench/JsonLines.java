package io.recopipe.pipeline.bench;

import java.util.Map;

/** Formats a flat row as one JSON line, the benchmarks' output format (one object per case). */
public final class JsonLines {
  private JsonLines() {
  }

  /** The row as one line of JSON. */
  public static String of(Map<String, Object> row) {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, Object> entry : row.entrySet()) {
      if (out.length() > 1) {
        out.append(", ");
      }
      out.append('"').append(escape(entry.getKey())).append("\": ");
      Object value = entry.getValue();
      if (value == null || value instanceof Double d && !Double.isFinite(d)) {
        out.append("null");
      } else if (value instanceof Number || value instanceof Boolean) {
        out.append(value);
      } else {
        out.append('"').append(escape(value.toString())).append('"');
      }
    }
    return out.append('}').toString();
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
