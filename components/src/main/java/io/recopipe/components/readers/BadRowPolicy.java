package io.recopipe.components.readers;

import io.recopipe.model.error.InvalidInputException;

/**
 * How many bad rows a read may skip, like BigQuery's {@code max_bad_records}: 0 (the default) fails
 * on the first bad row; N skips up to N, which are kept with their reason, and fails on the N+1th.
 * A preview read also stops after {@code lineLimit} lines of each ratings file, so the run's
 * preflight checks a file's start with exactly the parsing the full read uses.
 *
 * @param maxBadRecords the most rows that may be skipped, {@code >= 0}
 * @param lineLimit the most lines (header included) read from a ratings file, {@code >= 1}
 */
public record BadRowPolicy(int maxBadRecords, int lineLimit) {
  /** Fail on the first bad row. */
  public static final BadRowPolicy STRICT = new BadRowPolicy(0);

  /** Checks the limits. */
  public BadRowPolicy {
    if (maxBadRecords < 0) {
      throw new InvalidInputException("max_bad_records must be >= 0, got " + maxBadRecords);
    }
    if (lineLimit < 1) {
      throw new InvalidInputException("line limit must be >= 1, got " + lineLimit);
    }
  }

  /** A policy that reads whole files. */
  public BadRowPolicy(int maxBadRecords) {
    this(maxBadRecords, Integer.MAX_VALUE);
  }

  /** The same policy for a preview that reads at most {@code lines} lines of a ratings file. */
  public BadRowPolicy withLineLimit(int lines) {
    return new BadRowPolicy(maxBadRecords, lines);
  }

  /** Whether reads stop early (a preview). */
  public boolean limited() {
    return lineLimit < Integer.MAX_VALUE;
  }

  /** A fresh tally for one read. */
  public BadRows start() {
    return new BadRows(maxBadRecords, lineLimit);
  }
}
