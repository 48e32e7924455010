package io.recopipe.pipeline.metadata;

import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import io.recopipe.model.io.JsonInputException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads and writes the {@code runs} table, the one place that knows its columns. */
public final class RunRepository {
  private static final String COLUMNS =
      "id, pipeline, status, message, parameters, started_at, ended_at, who, pid, pid_started,"
          + " no_cache, committed_at";

  private final MetadataStore store;

  /** Repository over {@code store}. */
  public RunRepository(MetadataStore store) {
    this.store = store;
  }

  /** Records a new run. */
  public void insert(RunRecord run) {
    store.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO runs ("
                      + COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, run.id());
            ps.setString(2, run.pipeline());
            ps.setString(3, run.status().name());
            ps.setString(4, run.message());
            ps.setString(5, toJson(run.parameters()));
            ps.setString(6, Timestamps.format(run.startedAt()));
            ps.setString(7, Timestamps.format(run.endedAt()));
            ps.setString(8, run.who());
            ps.setLong(9, run.pid());
            ps.setString(10, run.pidStarted());
            ps.setInt(11, run.noCache() ? 1 : 0);
            ps.setString(12, Timestamps.format(run.committedAt()));
            return ps.executeUpdate();
          }
        });
  }

  /** Marks run {@code id} as running again in process {@code pid} (on resume). */
  public void reopen(String id, long pid, String pidStarted) {
    store.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE runs SET status = 'RUNNING',"
                      + " message = NULL, ended_at = NULL, pid = ?, pid_started = ? WHERE id = ?")) {
            ps.setLong(1, pid);
            ps.setString(2, pidStarted);
            ps.setString(3, id);
            return ps.executeUpdate();
          }
        });
  }

  /** Records that run {@code id} reached its commit point at {@code at}. */
  public void markCommitted(String id, Instant at) {
    store.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE runs SET committed_at = ? WHERE id = ? AND committed_at IS NULL")) {
            ps.setString(1, Timestamps.format(at));
            ps.setString(2, id);
            return ps.executeUpdate();
          }
        });
  }

  /** Records how run {@code id} ended. */
  public void finish(String id, RunStatus status, String message, Instant endedAt) {
    store.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE runs SET status = ?, message = ?, ended_at = ? WHERE id = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, message);
            ps.setString(3, Timestamps.format(endedAt));
            ps.setString(4, id);
            return ps.executeUpdate();
          }
        });
  }

  /** The run with id {@code id}. */
  public Optional<RunRecord> find(String id) {
    List<RunRecord> found = query("SELECT " + COLUMNS + " FROM runs WHERE id = ?", id);
    return found.stream().findFirst();
  }

  /** The RUNNING runs started by {@code who}, newest first. */
  public List<RunRecord> runningBy(String who) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM runs WHERE status = 'RUNNING' AND who = ?"
            + " ORDER BY started_at DESC, id DESC",
        who);
  }

  /** All runs, newest first. */
  public List<RunRecord> list() {
    return query("SELECT " + COLUMNS + " FROM runs ORDER BY started_at DESC, id DESC");
  }

  private List<RunRecord> query(String sql, String... args) {
    return store.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
              ps.setString(i + 1, args[i]);
            }
            List<RunRecord> runs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                runs.add(row(rs));
              }
            }
            return runs;
          }
        });
  }

  private static RunRecord row(ResultSet rs) throws SQLException {
    String ended = rs.getString("ended_at");
    return new RunRecord(
        rs.getString("id"),
        rs.getString("pipeline"),
        RunStatus.valueOf(rs.getString("status")),
        rs.getString("message"),
        fromJson(rs.getString("parameters")),
        Timestamps.parse(rs.getString("started_at")),
        Timestamps.parse(ended),
        rs.getString("who"),
        rs.getLong("pid"),
        rs.getString("pid_started"),
        rs.getInt("no_cache") != 0,
        Timestamps.parse(rs.getString("committed_at")));
  }

  static String toJson(Map<String, String> parameters) {
    return Json.compact(Json.valueOf(new TreeMap<>(parameters)));
  }

  static Map<String, String> fromJson(String json) throws SQLException {
    try {
      return new TreeMap<>(JsonFields.texts(Json.parse(json)));
    } catch (JsonInputException e) {
      throw new SQLException("bad parameters JSON in runs table: " + e.getMessage(), e);
    }
  }
}
