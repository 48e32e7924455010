package io.recopipe.components.warehouse;

/**
 * A warehouse column: a name and a SQL type in the common subset of DuckDB and BigQuery ({@code
 * VARCHAR}/{@code STRING}, {@code BIGINT}/{@code INT64}, {@code DOUBLE}/{@code FLOAT64}, {@code
 * BOOLEAN}, {@code TIMESTAMP}, and lists as {@code DOUBLE[]}), so tables mean the same in both
 * profiles.
 *
 * @param name the column name (lowercase, BigQuery ML's where it has one)
 * @param sqlType the DuckDB type
 */
public record Column(String name, String sqlType) {}
