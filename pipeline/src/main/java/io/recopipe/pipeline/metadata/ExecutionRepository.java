package io.recopipe.pipeline.metadata;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes the {@code executions} and {@code metrics} tables. */
public final class ExecutionRepository {
  private static final String COLUMNS =
      "id, run_id, step, component, version, cache_key, status,"
          + " cache_hit, attempts, started_at, duration_ms, message";

  private final MetadataStore store;

  /** Repository over {@code store}. */
  public ExecutionRepository(MetadataStore store) {
    this.store = store;
  }

  /** Records a new execution with status {@code status}; returns its id. */
  public long start(
      String runId,
      String step,
      String component,
      String version,
      String cacheKey,
      ExecutionStatus status,
      Instant startedAt) {
    return store.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO executions (run_id, step,"
                      + " component, version, cache_key, status, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, runId);
            ps.setString(2, step);
            ps.setString(3, component);
            ps.setString(4, version);
            ps.setString(5, cacheKey);
            ps.setString(6, status.name());
            ps.setString(7, Timestamps.format(startedAt));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              keys.next();
              return keys.getLong(1);
            }
          }
        });
  }

  /** Records how execution {@code id} ended. */
  public void finish(
      long id,
      ExecutionStatus status,
      boolean cacheHit,
      int attempts,
      long durationMs,
      String message) {
    store.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE executions SET status = ?,"
                      + " cache_hit = ?, attempts = ?, duration_ms = ?, ended_at = ?, message = ?"
                      + " WHERE id = ?")) {
            ps.setString(1, status.name());
            ps.setInt(2, cacheHit ? 1 : 0);
            ps.setInt(3, attempts);
            ps.setLong(4, durationMs);
            ps.setString(5, Timestamps.format(Instant.now()));
            ps.setString(6, message);
            ps.setLong(7, id);
            return ps.executeUpdate();
          }
        });
  }

  /** Marks executions of {@code runId} still RUNNING (their process died) as FAILED. */
  public int markInterrupted(String runId) {
    return store.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE executions SET status = 'FAILED',"
                      + " message = 'interrupted: the runner process died', ended_at = ?"
                      + " WHERE run_id = ? AND status = 'RUNNING'")) {
            ps.setString(1, Timestamps.format(Instant.now()));
            ps.setString(2, runId);
            return ps.executeUpdate();
          }
        });
  }

  /** The executions of run {@code runId} in the order they started. */
  public List<ExecutionRecord> forRun(String runId) {
    return query("SELECT " + COLUMNS + " FROM executions WHERE run_id = ? ORDER BY id", runId);
  }

  /** Successful executions with cache key {@code cacheKey}, newest first. */
  public List<ExecutionRecord> succeededWithKey(String cacheKey) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM executions WHERE cache_key = ?"
            + " AND status = 'SUCCEEDED' ORDER BY id DESC",
        cacheKey);
  }

  /** Records metrics of execution {@code id} (replacing same-named ones). */
  public void recordMetrics(long id, Map<String, Double> metrics) {
    if (metrics.isEmpty()) {
      return;
    }
    store.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT OR REPLACE INTO metrics (execution_id, name, value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Double> metric : metrics.entrySet()) {
              ps.setLong(1, id);
              ps.setString(2, metric.getKey());
              ps.setDouble(3, metric.getValue());
              ps.addBatch();
            }
            return ps.executeBatch();
          }
        });
  }

  /** The metrics of execution {@code id}, by name. */
  public Map<String, Double> metrics(long id) {
    return store.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT name, value FROM metrics WHERE execution_id = ? ORDER BY name")) {
            ps.setLong(1, id);
            Map<String, Double> metrics = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                metrics.put(rs.getString(1), rs.getDouble(2));
              }
            }
            return metrics;
          }
        });
  }

  private List<ExecutionRecord> query(String sql, String arg) {
    return store.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            List<ExecutionRecord> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(row(rs));
              }
            }
            return rows;
          }
        });
  }

  private static ExecutionRecord row(ResultSet rs) throws SQLException {
    long duration = rs.getLong("duration_ms");
    Long durationMs = rs.wasNull() ? null : duration;
    return new ExecutionRecord(
        rs.getLong("id"),
        rs.getString("run_id"),
        rs.getString("step"),
        rs.getString("component"),
        rs.getString("version"),
        rs.getString("cache_key"),
        ExecutionStatus.valueOf(rs.getString("status")),
        rs.getInt("cache_hit") != 0,
        rs.getInt("attempts"),
        Timestamps.parse(rs.getString("started_at")),
        durationMs,
        rs.getString("message"));
  }
}
