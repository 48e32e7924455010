package io.recopipe.components.ingest;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.StepLog;
import io.recopipe.components.readers.RatingScale;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.data.RatingsBuilder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads ratings from a Parquet file through an in-memory DuckDB ({@code read_parquet}), mapping
 * columns by name as BigQuery ML does ({@code user_col}, {@code item_col}, {@code rating_col},
 * optional {@code timestamp_col}); rows are validated like the text readers' lines, with the row
 * number in the message.
 */
final class ParquetSource {
  private static final int PROGRESS_EVERY = 1_000_000;

  private ParquetSource() {
  }

  static IngestedData read(Path file, ColumnMapping mapping, Optional<RatingScale> scale,
      StepLog log) throws ComponentException {
    String where = file.toString();
    String relation = "read_parquet(" + literal(file.toAbsolutePath().toString()) + ")";
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      List<String> names = columnNames(statement, relation);
      String select = "SELECT CAST(" + column(names, mapping.user(), "user_col", where)
          + " AS VARCHAR), CAST(" + column(names, mapping.item(), "item_col", where)
          + " AS VARCHAR), CAST(" + column(names, mapping.rating(), "rating_col", where)
          + " AS DOUBLE), " + timestamp(statement, relation, names, mapping, where)
          + " FROM " + relation;
      RatingsBuilder builder = new RatingsBuilder();
      RatingScale range = scale.orElse(RatingScale.ANY_FINITE);
      long row = 0;
      try (ResultSet results = statement.executeQuery(select)) {
        while (results.next()) {
          row++;
          String user = required(results.getString(1), where, row, "a user id");
          String item = required(results.getString(2), where, row, "an item id");
          double rating = results.getDouble(3);
          if (results.wasNull() || !Double.isFinite(rating) || !range.contains((float) rating)) {
            throw new ComponentException(where + " row " + row + ": expected a rating"
                + (scale.isPresent() ? " in " + range : "") + ", found "
                + (results.wasNull() ? "NULL" : Double.toString(rating)));
          }
          builder.add(user, item, (float) rating, results.getLong(4));
          if (row % PROGRESS_EVERY == 0) {
            log.progress(String.format(Locale.ROOT, "ingest: %,d rows read from %s", row, where));
          }
        }
      }
      Ratings ratings = builder.build();
      return IngestedData.ratingsOnly(ratings, "parquet", where, row,
          builder.duplicatesResolved());
    } catch (SQLException e) {
      throw new ComponentException(where + ": cannot read Parquet: " + oneLine(e), e);
    }
  }

  private static List<String> columnNames(Statement statement, String relation)
      throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet results = statement.executeQuery("DESCRIBE SELECT * FROM " + relation)) {
      while (results.next()) {
        names.add(results.getString(1));
      }
    }
    return names;
  }

  /** The quoted column named {@code wanted} (or at 0-based position {@code wanted}). */
  private static String column(List<String> names, String wanted, String key, String where)
      throws ComponentException {
    String name = null;
    if (wanted.matches("[0-9]{1,9}") && Integer.parseInt(wanted) < names.size()) {
      name = names.get(Integer.parseInt(wanted));
    } else if (names.contains(wanted)) {
      name = wanted;
    }
    if (name == null) {
      throw new ComponentException(where + ": expected a column '" + wanted + "' (ingest." + key
          + "), found columns " + String.join(", ", names));
    }
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** Epoch seconds from an integer or a TIMESTAMP/DATE column; 0 when there is none. */
  private static String timestamp(Statement statement, String relation, List<String> names,
      ColumnMapping mapping, String where) throws SQLException, ComponentException {
    if (mapping.timestamp().isEmpty()) {
      return names.contains("timestamp") ? "COALESCE(" + epoch(statement, relation,
          "\"timestamp\"") + ", 0)" : "0";
    }
    String column = column(names, mapping.timestamp().get(), "timestamp_col", where);
    return "COALESCE(" + epoch(statement, relation, column) + ", 0)";
  }

  private static String epoch(Statement statement, String relation, String column)
      throws SQLException {
    try (ResultSet results = statement.executeQuery("SELECT typeof(" + column + ") FROM "
        + relation + " LIMIT 1")) {
      String type = results.next() ? results.getString(1) : "BIGINT";
      return type.startsWith("TIMESTAMP") || type.equals("DATE")
          ? "CAST(epoch(" + column + ") AS BIGINT)" : "CAST(" + column + " AS BIGINT)";
    }
  }

  private static String required(String value, String where, long row, String what)
      throws ComponentException {
    if (value == null || value.isBlank()) {
      throw new ComponentException(where + " row " + row + ": expected " + what + ", found "
          + (value == null ? "NULL" : "'" + value + "'"));
    }
    return value;
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static String oneLine(SQLException e) {
    return String.valueOf(e.getMessage()).strip().split("\\R")[0];
  }
}
