package io.recopipe.pipeline.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders rows as an aligned text table (numbers right-aligned, NULL shown as such), the format
 * people read in a terminal; {@code --format tsv} output is for scripts.
 */
final class TextTable {
  private static final int MAX_WIDTH = 60;

  private TextTable() {}

  static String render(List<String> columns, List<List<Object>> rows) {
    int[] widths = new int[columns.size()];
    List<List<String>> cells = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      widths[c] = columns.get(c).length();
    }
    for (List<Object> row : rows) {
      List<String> line = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        String text = cell(row.get(c));
        widths[c] = Math.min(MAX_WIDTH, Math.max(widths[c], text.length()));
        line.add(text);
      }
      cells.add(line);
    }
    StringBuilder out = new StringBuilder();
    appendLine(out, columns, widths, null);
    StringBuilder rule = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      rule.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
    }
    out.append(rule).append('\n');
    for (int r = 0; r < cells.size(); r++) {
      appendLine(out, cells.get(r), widths, rows.get(r));
    }
    out.append('(').append(rows.size()).append(rows.size() == 1 ? " row)" : " rows)");
    return out.toString();
  }

  private static void appendLine(
      StringBuilder out, List<String> texts, int[] widths, List<Object> values) {
    for (int c = 0; c < texts.size(); c++) {
      String text = texts.get(c);
      if (text.length() > widths[c]) {
        text = text.substring(0, widths[c] - 1) + "…";
      }
      boolean right = values != null && values.get(c) instanceof Number;
      String pad = " ".repeat(widths[c] - text.length());
      out.append(c == 0 ? "" : " | ").append(right ? pad + text : text + pad);
    }
    out.append('\n');
  }

  static String cell(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof java.sql.Array array) {
      try {
        return java.util.Arrays.deepToString((Object[]) array.getArray());
      } catch (java.sql.SQLException e) {
        return value.toString();
      }
    }
    return value.toString();
  }

  /** Tab-separated with a header line; tabs and newlines inside values become spaces. */
  static String tsv(List<String> columns, List<List<Object>> rows) {
    StringBuilder out = new StringBuilder(String.join("\t", columns)).append('\n');
    for (List<Object> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        out.append(c == 0 ? "" : "\t")
            .append(cell(row.get(c)).replace('\t', ' ').replace('\n', ' '));
      }
      out.append('\n');
    }
    return out.toString();
  }
}
