package io.recopipe.components.ingest;

import io.recopipe.components.api.BadInputException;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.StepLog;
import io.recopipe.components.readers.BadRowPolicy;
import io.recopipe.components.readers.BadRows;
import io.recopipe.components.readers.ColumnRole;
import io.recopipe.components.readers.ControlChars;
import io.recopipe.components.readers.DataFormatException;
import io.recopipe.components.readers.RatingScale;
import io.recopipe.components.readers.ReadNotes;
import io.recopipe.components.readers.TimestampParser;
import io.recopipe.model.data.RatingsBuilder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads ratings from a Parquet file through an in-memory DuckDB ({@code read_parquet}), mapping
 * columns as delimited files are (explicit {@code user_col} … first, else detected by name); rows
 * are validated like the text readers' lines and bad rows follow the same {@code max_bad_records}
 * policy, with the row number and column in the message; a preview policy ({@link
 * BadRowPolicy#limited()}) reads only the schema and the first rows.
 */
final class ParquetSource {
  private static final int PROGRESS_EVERY = 1_000_000;

  private ParquetSource() {}

  static IngestedData read(
      Path file,
      ColumnMapping mapping,
      Optional<RatingScale> scale,
      BadRowPolicy policy,
      StepLog log)
      throws ComponentException {
    String where = file.toString();
    String relation = "read_parquet(" + literal(file.toAbsolutePath().toString()) + ")";
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      ParquetColumns columns = ParquetColumns.describe(statement, relation, where, mapping);
      RatingsBuilder builder = new RatingsBuilder();
      RatingScale range = scale.orElse(RatingScale.ANY_FINITE);
      TimestampParser timestamps = new TimestampParser();
      boolean temporal = columns.timestampIsTemporal();
      boolean hasTimestamp = columns.detected().timestamp() >= 0;
      boolean numericRating = columns.ratingIsNumeric();
      BadRows badRows = policy.start();
      int row = 0;
      String query =
          columns.select(relation) + (policy.limited() ? " LIMIT " + policy.lineLimit() : "");
      try (ResultSet results = statement.executeQuery(query)) {
        while (results.next()) {
          row++;
          String user = results.getString(1);
          String item = results.getString(2);
          double number = numericRating ? results.getDouble(3) : Double.NaN;
          String rating =
              numericRating
                  ? (results.wasNull() ? null : Double.toString(number))
                  : results.getString(3);
          long epoch = temporal ? results.getLong(4) : 0;
          String time =
              !hasTimestamp
                  ? null
                  : temporal
                      ? (results.wasNull() ? null : Long.toString(epoch))
                      : results.getString(4);
          try {
            requireId(user, where, row, columns, ColumnRole.USER);
            requireId(item, where, row, columns, ColumnRole.ITEM);
            float value =
                rating(
                    rating,
                    numberOrText(numericRating, number, rating),
                    range,
                    scale.isPresent(),
                    where,
                    row,
                    columns);
            long seconds =
                !hasTimestamp
                    ? 0
                    : temporal && time != null
                        ? epoch
                        : timestamp(timestamps, time, where, row, columns);
            builder.add(user.strip(), item.strip(), value, seconds);
          } catch (DataFormatException problem) {
            badRows.reject(
                problem,
                String.join(
                    ",",
                    String.valueOf(user),
                    String.valueOf(item),
                    String.valueOf(rating),
                    String.valueOf(time)));
          }
          if (row % PROGRESS_EVERY == 0) {
            log.progress(
                String.format(
                    Locale.ROOT, "ingest: %,d rows read from %s", row, ControlChars.escape(where)));
          }
        }
      }
      if (builder.size() == 0) {
        throw new DataFormatException(
            where, "expected rating rows, found " + (row == 0 ? "none" : "only bad ones"));
      }
      String notice = columns.detected().notice();
      ReadNotes notes =
          new ReadNotes(notice == null ? List.of() : List.of(notice), badRows.rows(), hasTimestamp);
      return IngestedData.ratingsOnly(
          builder.build(), "parquet", where, row, builder.duplicatesResolved(), notes);
    } catch (SQLException e) {
      throw new BadInputException(
          ControlChars.escape(where) + ": cannot read Parquet: " + ControlChars.escape(oneLine(e)),
          e);
    }
  }

  private static void requireId(
      String id, String where, int row, ParquetColumns columns, ColumnRole role) {
    if (id == null || id.isBlank()) {
      throw DataFormatException.atRow(
          where,
          row,
          columns.label(role),
          "expected a non-empty "
              + role.tableColumn()
              + ", found "
              + (id == null ? "NULL" : "'" + id + "'"));
    }
  }

  private static float numberOrText(boolean numeric, double number, String text) {
    return numeric ? (float) number : text == null ? Float.NaN : parseFloat(text);
  }

  private static float rating(
      String text,
      float value,
      RatingScale range,
      boolean declared,
      String where,
      int row,
      ParquetColumns columns) {
    if (!Float.isFinite(value) || !range.contains(value)) {
      throw DataFormatException.atRow(
          where,
          row,
          columns.label(ColumnRole.RATING),
          "expected a "
              + (declared ? "rating " + range.requirement() : "finite numeric rating")
              + ", found "
              + (text == null ? "NULL" : "'" + text + "'"));
    }
    return value;
  }

  private static float parseFloat(String text) {
    try {
      return Float.parseFloat(text.strip());
    } catch (NumberFormatException e) {
      return Float.NaN;
    }
  }

  private static long timestamp(
      TimestampParser parser, String text, String where, int row, ParquetColumns columns) {
    long seconds = text == null ? TimestampParser.INVALID : parser.parse(text);
    if (seconds == TimestampParser.INVALID) {
      throw DataFormatException.atRow(
          where,
          row,
          columns.label(ColumnRole.TIMESTAMP),
          "expected a timestamp in "
              + TimestampParser.FORMS
              + ", found "
              + (text == null ? "NULL" : "'" + text + "'"));
    }
    return seconds;
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static String oneLine(SQLException e) {
    return String.valueOf(e.getMessage()).strip().split("\\R")[0];
  }
}
