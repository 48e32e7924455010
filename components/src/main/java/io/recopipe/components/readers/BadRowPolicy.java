package io.recopipe.components.readers;

/**
 * How many bad rows a read may skip, like BigQuery's {@code max_bad_records}: 0 (the default)
 * fails on the first bad row; N skips up to N, which are kept with their reason, and fails on the
 * N+1th.
 *
 * @param maxBadRecords the most rows that may be skipped, {@code >= 0}
 */
public record BadRowPolicy(int maxBadRecords) {
  /** Fail on the first bad row. */
  public static final BadRowPolicy STRICT = new BadRowPolicy(0);

  /** Checks the limit. */
  public BadRowPolicy {
    if (maxBadRecords < 0) {
      throw new IllegalArgumentException("max_bad_records must be >= 0, got " + maxBadRecords);
    }
  }

  /** A fresh tally for one read. */
  public BadRows start() {
    return new BadRows(maxBadRecords);
  }
}
