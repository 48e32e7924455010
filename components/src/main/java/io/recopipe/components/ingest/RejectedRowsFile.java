package io.recopipe.components.ingest;

import io.recopipe.components.readers.ControlChars;
import io.recopipe.components.readers.RejectedRow;
import io.recopipe.components.warehouse.Column;
import io.recopipe.components.writers.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The rows ingest skipped under {@code max_bad_records}, kept beside the dataset as {@code
 * rejected_rows.tsv} (file, line, column_name, reason, text; control characters escaped, so a row
 * is one line of five fields), so the {@code rejected_rows} table can be published again from a
 * cached step.
 */
final class RejectedRowsFile {
  /** The file name inside the dataset directory. */
  static final String FILE = "rejected_rows.tsv";

  /** The {@code rejected_rows} table's columns. */
  static final List<Column> COLUMNS =
      List.of(
          new Column("file", "VARCHAR"),
          new Column("line", "BIGINT"),
          new Column("column_name", "VARCHAR"),
          new Column("reason", "VARCHAR"),
          new Column("text", "VARCHAR"));

  private RejectedRowsFile() {}

  /** Writes {@code rows} to {@code dir}; no file when there are none (the table is empty). */
  static void write(Path dir, List<RejectedRow> rows) throws IOException {
    if (rows.isEmpty()) {
      return;
    }
    StringBuilder tsv = new StringBuilder();
    for (RejectedRow row : rows) {
      tsv.append(field(row.file()))
          .append('\t')
          .append(row.line())
          .append('\t')
          .append(row.column() == null ? "" : field(row.column()))
          .append('\t')
          .append(field(row.reason()))
          .append('\t')
          .append(field(row.text()))
          .append('\n');
    }
    byte[] bytes = tsv.toString().getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(dir.resolve(FILE), out -> out.write(bytes));
  }

  private static String field(String text) {
    return ControlChars.escape(text);
  }
}
