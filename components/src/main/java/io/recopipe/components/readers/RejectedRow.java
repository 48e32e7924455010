package io.recopipe.components.readers;

/**
 * One row skipped under {@code max_bad_records}, with where it was and why, so the user can find
 * and fix it later (the ingest step publishes these as the {@code rejected_rows} table).
 *
 * @param file the file (or {@code archive.zip!/entry}) the row is in
 * @param line its 1-based line (for Parquet: its 1-based row)
 * @param column the field at fault, as {@code 3 (rating)}, or null when the row as a whole is
 * @param reason what was expected versus found
 * @param text the row as read, control characters escaped, cut at 500 characters
 */
public record RejectedRow(String file, long line, String column, String reason, String text) {}
