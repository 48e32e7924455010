package io.recopipe.components.warehouse;

import java.util.Optional;

/**
 * How a run's staged tables are named, shared by the DuckDB and BigQuery warehouses so that a
 * staged table always says which run and which published table it belongs to: run key, a {@value
 * #SEPARATOR} and the table name, in DuckDB's {@value #SCHEMA} schema (BigQuery: the same name
 * behind a {@value #SCHEMA}{@value #SEPARATOR} prefix in the dataset). DuckDB keeps the rows of a
 * published table there too, as {@value #PUBLISHED}{@value #SEPARATOR} and the table name, since a
 * table can be renamed but not moved to another schema without a copy.
 */
public final class StagedTables {
  /** The DuckDB schema (and BigQuery name prefix) of staged tables. */
  public static final String SCHEMA = "staging";

  /** Separates the run key from the table name. */
  public static final String SEPARATOR = "__";

  /** The prefix of a half-loaded staged table (DuckDB). */
  static final String LOAD_PREFIX = "load_";

  /** The key-like prefix of a published table's rows (DuckDB); no run may use it as its key. */
  static final String PUBLISHED = "published";

  private StagedTables() {}

  /**
   * The staging key of run {@code runId}: {@code r} and the id with every character outside letters
   * and digits replaced by {@code _} (run {@code 20260101-120000-ab12cd} stages under {@code
   * r20260101_120000_ab12cd}).
   */
  public static String keyOfRun(String runId) {
    return "r" + runId.replaceAll("[^A-Za-z0-9]", "_");
  }

  /** Returns {@code key} if it can name a run's staged tables, else throws naming it. */
  public static String requireKey(String key) throws WarehouseException {
    Identifiers.requireIdentifier(key, "staging key");
    if (key.contains(SEPARATOR) || key.startsWith(LOAD_PREFIX) || key.equals(PUBLISHED)) {
      throw new WarehouseException(
          "invalid staging key '"
              + key
              + "': it may not contain "
              + SEPARATOR
              + ", start with "
              + LOAD_PREFIX
              + " nor be "
              + PUBLISHED,
          null);
    }
    return key;
  }

  /** The staged name of {@code table} for run {@code key}. */
  public static String stagedName(String key, String table) {
    return key + SEPARATOR + table;
  }

  /** The name of the table in {@value #SCHEMA} that holds the rows of published {@code table}. */
  static String publishedName(String table) {
    return PUBLISHED + SEPARATOR + table;
  }

  /**
   * The run key a staged table name carries, also when it is still half-loaded (so the leftovers of
   * a process killed during its first load are found too); empty for the rows of a published table.
   */
  public static Optional<String> keyOf(String stagedName) {
    String name = stagedName;
    if (name.startsWith(LOAD_PREFIX)) {
      int random = name.indexOf(SEPARATOR);
      name = random < 0 ? "" : name.substring(random + SEPARATOR.length());
    }
    int separator = name.indexOf(SEPARATOR);
    if (separator <= 0 || name.substring(0, separator).equals(PUBLISHED)) {
      return Optional.empty();
    }
    return Optional.of(name.substring(0, separator));
  }
}
