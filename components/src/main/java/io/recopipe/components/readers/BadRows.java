package io.recopipe.components.readers;

import java.util.ArrayList;
import java.util.List;

/**
 * The bad rows of one read under a {@link BadRowPolicy}: each is kept as a {@link RejectedRow}
 * until the limit is passed, when the row that passed it fails the read with its location.
 */
public final class BadRows {
  private static final int MAX_TEXT = 500;

  private final int max;
  private final int lineLimit;
  private final List<RejectedRow> rows = new ArrayList<>();

  BadRows(int max, int lineLimit) {
    this.max = max;
    this.lineLimit = lineLimit;
  }

  /** The most lines a ratings file is read to ({@link BadRowPolicy#lineLimit()}). */
  int lineLimit() {
    return lineLimit;
  }

  /**
   * Keeps the row {@code problem} describes, or throws (strict policy, or one row too many).
   *
   * @param text the row as read, kept (escaped, shortened) for the {@code rejected_rows} table
   */
  public void reject(DataFormatException problem, String text) {
    if (rows.size() >= max) {
      if (max == 0) {
        throw problem;
      }
      throw problem.withMore(" (bad row " + (max + 1) + "; ingest.max_bad_records is " + max + ")");
    }
    String escaped = ControlChars.escape(text);
    if (escaped.length() > MAX_TEXT) {
      escaped = escaped.substring(0, MAX_TEXT) + "…";
    }
    rows.add(
        new RejectedRow(
            problem.source(), problem.line(), problem.column(), problem.detail(), escaped));
  }

  /** The rows skipped so far, in file order. */
  public List<RejectedRow> rows() {
    return List.copyOf(rows);
  }
}
