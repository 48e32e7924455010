package io.recopipe.components.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBDataChunkWriter;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBTableFunction;
import org.duckdb.DuckDBTableFunctionBindInfo;
import org.duckdb.DuckDBTableFunctionCallInfo;
import org.duckdb.DuckDBTableFunctionInitInfo;
import org.duckdb.DuckDBWritableVector;

/**
 * A DuckDB table function that scans {@link ColumnRows} (plus an optional flag column) straight
 * into DuckDB's vectors (a whole column of a chunk at once), one chunk at a time on one thread so
 * rows keep their order: loading 20 million ratings this way costs a fraction of writing them as
 * text and having the CSV reader parse them back, and the flag needs no second pass over the table.
 * A load registers its rows under a token the SQL names and removes them when done.
 */
final class MemoryRowsScan {
  /** The function's name in SQL: {@code SELECT * FROM recopipe_memory_rows('token')}. */
  static final String FUNCTION = "recopipe_memory_rows";

  private static final Map<String, Source> SOURCES = new ConcurrentHashMap<>();
  private static final AtomicLong TOKENS = new AtomicLong();
  private static final byte[] EMPTY = new byte[0];

  /** What one scan reads: the rows, their stored column types, and the flags (or null). */
  private record Source(ColumnRows rows, List<Column> columns, boolean[] flags) {}

  /** The connections the function is registered on. */
  private static final Set<Connection> REGISTERED =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  private MemoryRowsScan() {}

  /**
   * Inserts {@code rows} (in their order) into {@code table}, whose columns are {@code columns}
   * followed, when {@code flags} is not null, by the flag column; the caller holds {@code
   * connection} for the duration.
   */
  static void insert(
      Connection connection, String table, List<Column> columns, ColumnRows rows, boolean[] flags)
      throws SQLException, WarehouseException {
    if (!REGISTERED.contains(connection)) {
      DuckDBFunctions.tableFunction()
          .withName(FUNCTION)
          .withParameter(String.class)
          .withFunction(new Scan())
          .register(connection);
      REGISTERED.add(connection);
    }
    String token = "rows-" + TOKENS.incrementAndGet();
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "INSERT INTO " + table + " SELECT * FROM " + add(token, rows, columns, flags));
    } finally {
      SOURCES.remove(token);
    }
  }

  /**
   * Makes {@code rows} scannable under {@code token}; returns the SQL table expression that scans
   * them, with the columns {@code columns} (BIGINT, DOUBLE or VARCHAR) and, when {@code flags} is
   * not null, the BOOLEAN flag column after them.
   */
  private static String add(String token, ColumnRows rows, List<Column> columns, boolean[] flags)
      throws WarehouseException {
    if (flags != null && flags.length != rows.size()) {
      throw new WarehouseException(
          "the rows are " + rows.size() + " but the flags " + flags.length, null);
    }
    List<Column> typed = new ArrayList<>();
    for (Column column : columns) {
      String type = Identifiers.requireType(column.sqlType(), column.name());
      if (!type.equals("BIGINT") && !type.equals("DOUBLE") && !type.equals("VARCHAR")) {
        throw new WarehouseException(
            "column " + column.name() + ": cannot load " + type + " values from memory", null);
      }
      typed.add(new Column(column.name(), type));
    }
    SOURCES.put(token, new Source(rows, List.copyOf(typed), flags));
    return FUNCTION + "(" + Identifiers.literal(token) + ")";
  }

  /**
   * Where one scan is: the next row, and the chunk-sized arrays a column's values are gathered in
   * before they are copied into DuckDB's vector at once ({@link VectorWrites}).
   */
  private static final class Cursor {
    int next;
    long[] longs = new long[0];
    double[] doubles = new double[0];

    void fit(int count) {
      if (longs.length < count) {
        longs = new long[count];
        doubles = new double[count];
      }
    }
  }

  /** The function: binds the columns of the token's rows, then fills one chunk per call. */
  private static final class Scan implements DuckDBTableFunction<Source, Cursor, Object> {
    @Override
    public Source bind(DuckDBTableFunctionBindInfo info) throws Exception {
      String token = info.getParameter(0).getString();
      Source source = SOURCES.get(token);
      if (source == null) {
        throw new IllegalStateException("no rows registered as " + token);
      }
      for (Column column : source.columns()) {
        info.addResultColumn(column.name(), DuckDBColumnType.valueOf(column.sqlType()));
      }
      if (source.flags() != null) {
        info.addResultColumn(PublishedViews.FLAG, DuckDBColumnType.BOOLEAN);
      }
      info.setCardinality(source.rows().size(), true);
      return source;
    }

    @Override
    public Cursor init(DuckDBTableFunctionInitInfo info) {
      info.setMaxThreads(1); // one thread: the rows keep their order
      return new Cursor();
    }

    @Override
    public long apply(DuckDBTableFunctionCallInfo info, DuckDBDataChunkWriter out) {
      Source source = info.getBindData();
      Cursor cursor = info.getInitData();
      int from = cursor.next;
      int count = (int) Math.min(out.capacity(), source.rows().size() - (long) from);
      if (count <= 0) {
        return 0;
      }
      cursor.fit(count);
      List<Column> columns = source.columns();
      for (int c = 0; c < columns.size(); c++) {
        fill(out.vector(c), columns.get(c).sqlType(), source.rows(), c, from, count, cursor);
      }
      if (source.flags() != null) {
        VectorWrites.booleans(out.vector(columns.size()), source.flags(), from, count);
      }
      cursor.next = from + count;
      return count;
    }

    private static void fill(
        DuckDBWritableVector vector,
        String type,
        ColumnRows rows,
        int c,
        int from,
        int count,
        Cursor cursor) {
      switch (type) {
        case "BIGINT" -> {
          rows.longValues(c, from, cursor.longs, count);
          VectorWrites.longs(vector, cursor.longs, count);
        }
        case "DOUBLE" -> {
          rows.doubleValues(c, from, cursor.doubles, count);
          VectorWrites.doubles(vector, cursor.doubles, count);
        }
        default -> {
          byte[][] text = new byte[count][];
          boolean nulls = false;
          for (int k = 0; k < count; k++) {
            byte[] value = rows.text(c, from + k);
            nulls |= value == null;
            text[k] = value == null ? EMPTY : value;
          }
          vector.setStringUtf8Batch(0, text);
          for (int k = 0; nulls && k < count; k++) {
            if (rows.text(c, from + k) == null) {
              vector.setNull(k);
            }
          }
        }
      }
    }
  }
}
