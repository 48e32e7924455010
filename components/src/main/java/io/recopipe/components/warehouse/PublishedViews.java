package io.recopipe.components.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a DuckDB rows table publishes: the view of its own name over all its rows, and, when it was
 * loaded with a {@link RowSplit}, the split's two tables as views filtering it by a flag column, so
 * a split costs one load instead of a second copy of every row; text columns whose values are all
 * integers may be stored as {@code BIGINT} (cheaper to load and store) and are published as text
 * again. The table's comment records both (it survives the renames of the staged swap), so the
 * commit that publishes a run's table knows which views to point at it and how.
 *
 * @param selected the split's table of flagged rows, or null without a split
 * @param other the split's table of the other rows, or null
 * @param asText the columns stored as {@code BIGINT} and published as {@code VARCHAR}
 */
record PublishedViews(String selected, String other, List<String> asText) {
  /** The flag column of a split rows table; true for the selected table's rows. */
  static final String FLAG = "__split_selected";

  private static final String MARK = "recopipe views:";

  /**
   * The views of a table loaded with {@code split}: its {@code VARCHAR} columns among {@code
   * integerText} are stored as {@code BIGINT}.
   */
  static PublishedViews of(RowSplit split, List<Column> columns, Set<String> integerText) {
    List<String> asText = new ArrayList<>();
    for (Column column : columns) {
      if (integerText.contains(column.name()) && column.sqlType().equals("VARCHAR")) {
        asText.add(column.name());
      }
    }
    return new PublishedViews(split.selectedTable(), split.otherTable(), List.copyOf(asText));
  }

  /** The columns as stored: those published as text from integers are {@code BIGINT}. */
  List<Column> stored(List<Column> columns) {
    return columns.stream()
        .map(
            column -> asText.contains(column.name()) ? new Column(column.name(), "BIGINT") : column)
        .toList();
  }

  /** The comment recording these views. */
  String comment() {
    return MARK + " split=" + selected + "," + other + " text=" + String.join(",", asText);
  }

  /** The views recorded by {@code comment} (null or not ours: the table as it is). */
  static PublishedViews parse(String table, String comment) throws WarehouseException {
    if (comment == null || !comment.startsWith(MARK)) {
      return new PublishedViews(null, null, List.of());
    }
    String[] parts = comment.substring(MARK.length()).trim().split(" ");
    if (parts.length != 2 || !parts[0].startsWith("split=") || !parts[1].startsWith("text=")) {
      throw new WarehouseException(
          "table " + table + ": unreadable comment '" + comment + "'", null);
    }
    String[] split = parts[0].substring("split=".length()).split(",");
    List<String> asText = new ArrayList<>();
    for (String column : parts[1].substring("text=".length()).split(",")) {
      if (!column.isEmpty()) {
        asText.add(Identifiers.requireIdentifier(column, "column"));
      }
    }
    return new PublishedViews(
        Identifiers.requireIdentifier(split[0], "table"),
        Identifiers.requireIdentifier(split[split.length - 1], "table"),
        asText);
  }

  /** View name to its {@code SELECT} over {@code rows} (qualified), {@code table}'s first. */
  Map<String, String> views(String table, String rows) {
    Map<String, String> views = new LinkedHashMap<>();
    if (selected == null) {
      views.put(table, "SELECT * FROM " + rows);
      return views;
    }
    StringBuilder select = new StringBuilder("SELECT * EXCLUDE (" + FLAG + ")");
    for (int n = 0; n < asText.size(); n++) {
      String column = DuckDbWarehouse.quote(asText.get(n));
      select
          .append(n == 0 ? " REPLACE (" : ", ")
          .append("CAST(")
          .append(column)
          .append(" AS VARCHAR) AS ")
          .append(column);
    }
    select.append(asText.isEmpty() ? "" : ")").append(" FROM ").append(rows);
    views.put(table, select.toString());
    views.put(selected, select + " WHERE " + FLAG);
    views.put(other, select + " WHERE NOT " + FLAG);
    return views;
  }

  /**
   * The views the table {@code name} of the staging schema publishes as {@code table} once it is
   * renamed to {@code rows} (qualified).
   */
  static Map<String, String> of(Connection connection, String table, String name, String rows)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT comment FROM duckdb_tables() WHERE database_name = current_database()"
                + " AND schema_name = ? AND table_name = ?")) {
      statement.setString(1, StagedTables.SCHEMA);
      statement.setString(2, name);
      try (ResultSet results = statement.executeQuery()) {
        return parse(table, results.next() ? results.getString(1) : null).views(table, rows);
      }
    } catch (WarehouseException e) {
      throw new SQLException(e.getMessage(), e);
    }
  }
}
