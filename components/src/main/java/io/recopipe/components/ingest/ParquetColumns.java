package io.recopipe.components.ingest;

import io.recopipe.components.readers.ColumnDetector;
import io.recopipe.components.readers.ColumnRole;
import io.recopipe.components.readers.DataFormatException;
import io.recopipe.components.readers.DetectedColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The columns of a Parquet file as DuckDB describes them, mapped to user, item, rating and
 * timestamp by the same detection as delimited files, and the one SELECT that reads them: ids as
 * text (so integer and string ids read alike), numeric ratings as DOUBLE and text ratings as text,
 * TIMESTAMP and DATE columns as epoch seconds, other timestamps as text.
 *
 * @param names the column names in file order
 * @param types their DuckDB types
 * @param detected the positions of the four roles and the detection notice
 */
record ParquetColumns(List<String> names, List<String> types, DetectedColumns detected) {

  static ParquetColumns describe(
      Statement statement, String relation, String where, ColumnMapping mapping)
      throws SQLException {
    List<String> names = new ArrayList<>();
    List<String> types = new ArrayList<>();
    try (ResultSet results = statement.executeQuery("DESCRIBE SELECT * FROM " + relation)) {
      while (results.next()) {
        names.add(results.getString(1));
        types.add(results.getString(2).toUpperCase(Locale.ROOT));
      }
    }
    DetectedColumns detected =
        ColumnDetector.detect(
            where, names, mapping.explicit(), detail -> new DataFormatException(where, detail));
    return new ParquetColumns(names, types, detected);
  }

  /** Whether the timestamp column is a TIMESTAMP or DATE, selected as epoch seconds. */
  boolean timestampIsTemporal() {
    int at = detected.timestamp();
    return at >= 0 && (types.get(at).startsWith("TIMESTAMP") || types.get(at).equals("DATE"));
  }

  /** Whether the rating column is numeric, selected as DOUBLE (else as text, parsed in Java). */
  boolean ratingIsNumeric() {
    String type = types.get(detected.rating());
    return type.equals("FLOAT")
        || type.equals("DOUBLE")
        || type.startsWith("DECIMAL")
        || type.endsWith("INT")
        || type.equals("INTEGER")
        || type.equals("BIGINT")
        || type.equals("HUGEINT");
  }

  /** Selects user, item, rating and timestamp (NULL when there is none), in that order. */
  String select(String relation) {
    String timestamp = "NULL";
    if (detected.timestamp() >= 0) {
      String column = quoted(detected.timestamp());
      timestamp =
          timestampIsTemporal()
              ? "CAST(epoch(" + column + ") AS BIGINT)"
              : "CAST(" + column + " AS VARCHAR)";
    }
    return "SELECT CAST("
        + quoted(detected.user())
        + " AS VARCHAR), CAST("
        + quoted(detected.item())
        + " AS VARCHAR), CAST("
        + quoted(detected.rating())
        + (ratingIsNumeric() ? " AS DOUBLE), " : " AS VARCHAR), ")
        + timestamp
        + " FROM "
        + relation;
  }

  /** Locates a role's column for messages, as {@code 2 (uid)}. */
  String label(ColumnRole role) {
    int at = detected.position(role);
    return (at + 1) + " (" + names.get(at) + ")";
  }

  private String quoted(int column) {
    return "\"" + names.get(column).replace("\"", "\"\"") + "\"";
  }
}
