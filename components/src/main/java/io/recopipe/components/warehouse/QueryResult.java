package io.recopipe.components.warehouse;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of a query in memory, for {@code recopipe sql} and tests; large results belong in
 * tables, not here.
 *
 * @param columns column names in order
 * @param rows each row's values in column order (JDBC objects: String, Long, Double, …)
 */
public record QueryResult(List<String> columns, List<List<Object>> rows) {
  /** Reads every row of {@code results}. */
  static QueryResult read(ResultSet results) throws SQLException {
    ResultSetMetaData meta = results.getMetaData();
    int width = meta.getColumnCount();
    List<String> columns = new ArrayList<>(width);
    for (int n = 1; n <= width; n++) {
      columns.add(meta.getColumnLabel(n));
    }
    List<List<Object>> rows = new ArrayList<>();
    while (results.next()) {
      List<Object> row = new ArrayList<>(width);
      for (int n = 1; n <= width; n++) {
        row.add(plain(results.getObject(n)));
      }
      rows.add(row);
    }
    return new QueryResult(columns, rows);
  }

  /** SQL arrays become lists (recursively), so results compare and print naturally. */
  private static Object plain(Object value) throws SQLException {
    if (value instanceof Array array) {
      Object[] elements = (Object[]) array.getArray();
      List<Object> list = new ArrayList<>(elements.length);
      for (Object element : elements) {
        list.add(plain(element));
      }
      return list;
    }
    return value instanceof Object[] elements ? Arrays.asList(elements) : value;
  }
}
