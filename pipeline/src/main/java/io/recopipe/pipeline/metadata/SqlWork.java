package io.recopipe.pipeline.metadata;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One unit of SQL work on the store's connection, run inside a transaction by {@link
 * MetadataStore}, so repositories never manage transactions themselves.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface SqlWork<T> {
  /** Does the work. */
  T apply(Connection connection) throws SQLException;
}
