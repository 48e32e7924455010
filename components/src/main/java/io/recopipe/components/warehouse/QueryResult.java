package io.recopipe.components.warehouse;

import java.util.List;

/**
 * The rows of a query in memory, for {@code recopipe sql} and tests; large results belong in
 * tables, not here.
 *
 * @param columns column names in order
 * @param rows    each row's values in column order (JDBC objects: String, Long, Double, …)
 */
public record QueryResult(List<String> columns, List<List<Object>> rows) {
}
