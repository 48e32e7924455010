package io.recopipe.components.warehouse;

import java.util.Optional;

/**
 * How a run's staged tables are named, shared by the DuckDB and BigQuery warehouses so that a
 * staged table always says which run and which published table it belongs to: run key, a
 * {@value #SEPARATOR} and the table name, in DuckDB's {@value #SCHEMA} schema (BigQuery: the
 * same name behind a {@value #SCHEMA}{@value #SEPARATOR} prefix in the dataset).
 */
public final class StagedTables {
  /** The DuckDB schema (and BigQuery name prefix) of staged tables. */
  public static final String SCHEMA = "staging";
  /** Separates the run key from the table name. */
  public static final String SEPARATOR = "__";
  /** The prefix of a half-loaded staged table (DuckDB). */
  static final String LOAD_PREFIX = "load_";

  private StagedTables() {
  }

  /**
   * The staging key of run {@code runId}: {@code r} and the id with every character outside
   * letters and digits replaced by {@code _} (run {@code 20260101-120000-ab12cd} stages under
   * {@code r20260101_120000_ab12cd}).
   */
  public static String keyOfRun(String runId) {
    return "r" + runId.replaceAll("[^A-Za-z0-9]", "_");
  }

  /** Returns {@code key} if it can name a run's staged tables, else throws naming it. */
  public static String requireKey(String key) throws WarehouseException {
    Identifiers.requireIdentifier(key, "staging key");
    if (key.contains(SEPARATOR) || key.startsWith(LOAD_PREFIX)) {
      throw new WarehouseException("invalid staging key '" + key + "': it may not contain "
          + SEPARATOR + " nor start with " + LOAD_PREFIX, null);
    }
    return key;
  }

  /** The staged name of {@code table} for run {@code key}. */
  public static String stagedName(String key, String table) {
    return key + SEPARATOR + table;
  }

  /** The run key a staged table name carries, or empty for a half-loaded table. */
  public static Optional<String> keyOf(String stagedName) {
    int separator = stagedName.indexOf(SEPARATOR);
    if (stagedName.startsWith(LOAD_PREFIX) || separator <= 0) {
      return Optional.empty();
    }
    return Optional.of(stagedName.substring(0, separator));
  }
}
