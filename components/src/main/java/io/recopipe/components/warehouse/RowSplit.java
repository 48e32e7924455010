package io.recopipe.components.warehouse;

import io.recopipe.model.error.InvalidInputException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Two tables that partition the rows of a third, as a train/eval split partitions the ratings: the
 * rows {@code selected} flags form {@code selectedTable}, the rest {@code otherTable}, both in the
 * order of the whole. A warehouse may publish them as filters over the whole table's rows (DuckDB:
 * no second copy to load) or load each from its own file (BigQuery), so the flags and the files
 * must describe the same rows.
 *
 * @param selectedTable the table of the flagged rows
 * @param selectedTsv its rows as a headerless TSV file
 * @param otherTable the table of the rows not flagged
 * @param otherTsv its rows as a headerless TSV file
 * @param selected one flag per row of the whole table, in its order
 */
public record RowSplit(
    String selectedTable, Path selectedTsv, String otherTable, Path otherTsv, boolean[] selected) {
  /** Checks that the names differ and nothing is missing. */
  public RowSplit {
    Objects.requireNonNull(selectedTsv, "selectedTsv");
    Objects.requireNonNull(otherTsv, "otherTsv");
    Objects.requireNonNull(selected, "selected");
    if (selectedTable.equals(otherTable)) {
      throw new InvalidInputException("a split needs two tables, got " + selectedTable + " twice");
    }
  }
}
