package io.recopipe.pipeline.metadata;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The metadata tables and their version, created on first open and upgraded in order, so that a
 * home written by an older recopipe keeps working (the {@code schema_version} table says where it
 * stands).
 */
final class Schema {
  /** The version this code writes. */
  static final int CURRENT = 6;

  private static final List<String> VERSION_1 =
      List.of(
          "CREATE TABLE runs (id TEXT PRIMARY KEY, pipeline TEXT NOT NULL, status TEXT NOT NULL,"
              + " message TEXT, parameters TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT,"
              + " who TEXT, pid INTEGER, pid_started TEXT)",
          "CREATE INDEX runs_by_pipeline ON runs (pipeline, status)",
          "CREATE TABLE executions (id INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " run_id TEXT NOT NULL REFERENCES runs(id), step TEXT NOT NULL,"
              + " component TEXT NOT NULL, version TEXT NOT NULL, cache_key TEXT,"
              + " status TEXT NOT NULL, cache_hit INTEGER NOT NULL DEFAULT 0,"
              + " attempts INTEGER NOT NULL DEFAULT 0, started_at TEXT NOT NULL, ended_at TEXT,"
              + " duration_ms INTEGER, message TEXT)",
          "CREATE INDEX executions_by_run ON executions (run_id, step)",
          "CREATE INDEX executions_by_cache_key ON executions (cache_key, status)",
          "CREATE TABLE artifacts (id INTEGER PRIMARY KEY AUTOINCREMENT, uri TEXT NOT NULL UNIQUE,"
              + " type TEXT NOT NULL, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL,"
              + " created_at TEXT NOT NULL)",
          "CREATE TABLE lineage (execution_id INTEGER NOT NULL REFERENCES executions(id),"
              + " direction TEXT NOT NULL CHECK (direction IN ('INPUT', 'OUTPUT')),"
              + " port TEXT NOT NULL, artifact_id INTEGER NOT NULL REFERENCES artifacts(id),"
              + " PRIMARY KEY (execution_id, direction, port))",
          "CREATE INDEX lineage_by_artifact ON lineage (artifact_id)",
          "CREATE TABLE metrics (execution_id INTEGER NOT NULL REFERENCES executions(id),"
              + " name TEXT NOT NULL, value REAL NOT NULL, PRIMARY KEY (execution_id, name))");

  /**
   * Version 2 (issue 5): the model registry with aliases and their history, approvals, reviewers,
   * the hash-chained audit log and the scheduler's schedules and firings.
   */
  private static final List<String> VERSION_2 =
      List.of(
          // registry: one row per registered model version of a pipeline (numbered 1, 2, ...)
          "CREATE TABLE model_versions (pipeline TEXT NOT NULL, version INTEGER NOT NULL,"
              + " run_id TEXT NOT NULL REFERENCES runs(id), model_version TEXT NOT NULL,"
              + " bundle_uri TEXT NOT NULL, bundle_sha256 TEXT NOT NULL, image_uri TEXT,"
              + " data_fingerprint TEXT, options TEXT NOT NULL, metrics TEXT NOT NULL,"
              + " gate TEXT, blessed INTEGER NOT NULL, status TEXT NOT NULL,"
              + " created_at TEXT NOT NULL, PRIMARY KEY (pipeline, version), UNIQUE (run_id))",
          "CREATE TABLE aliases (pipeline TEXT NOT NULL, alias TEXT NOT NULL,"
              + " version INTEGER NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (pipeline, alias))",
          "CREATE TABLE alias_history (id INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " pipeline TEXT NOT NULL, alias TEXT NOT NULL, from_version INTEGER,"
              + " to_version INTEGER, actor TEXT NOT NULL, at TEXT NOT NULL, reason TEXT NOT NULL)",
          "CREATE INDEX alias_history_by_pipeline ON alias_history (pipeline, id)",
          // approvals: one per model version that waited for review
          "CREATE TABLE approvals (pipeline TEXT NOT NULL, version INTEGER NOT NULL,"
              + " run_id TEXT NOT NULL, state TEXT NOT NULL, requested_at TEXT NOT NULL,"
              + " expires_at TEXT NOT NULL, started_by TEXT, decided_by TEXT, decided_at TEXT,"
              + " comment TEXT, PRIMARY KEY (pipeline, version))",
          // reviewers: tokens are stored only as SHA-256 hashes
          "CREATE TABLE reviewers (name TEXT PRIMARY KEY, token_sha256 TEXT NOT NULL UNIQUE,"
              + " created_at TEXT NOT NULL, created_by TEXT NOT NULL,"
              + " disabled INTEGER NOT NULL DEFAULT 0)",
          // audit: append-only, each row's hash covers the previous row's hash
          "CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL,"
              + " action TEXT NOT NULL, subject TEXT NOT NULL, detail TEXT NOT NULL,"
              + " prev_hash TEXT NOT NULL, hash TEXT NOT NULL)",
          // scheduler
          "CREATE TABLE schedules (name TEXT PRIMARY KEY, cron TEXT NOT NULL, zone TEXT NOT NULL,"
              + " overlap TEXT NOT NULL, catch_up TEXT NOT NULL, config TEXT,"
              + " overrides TEXT NOT NULL, paused INTEGER NOT NULL DEFAULT 0,"
              + " created_at TEXT NOT NULL, created_by TEXT NOT NULL, checked_until TEXT)",
          "CREATE TABLE schedule_firings (id INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " schedule TEXT NOT NULL, planned_at TEXT NOT NULL, at TEXT NOT NULL,"
              + " outcome TEXT NOT NULL, reason TEXT, run_id TEXT)",
          "CREATE INDEX schedule_firings_by_schedule ON schedule_firings (schedule, id)");

  /**
   * Version 3: each run records whether it ran with {@code --no-cache} (so resume keeps it) and
   * when it reached its commit point (its tables published and its version registered).
   */
  private static final List<String> VERSION_3 =
      List.of(
          "ALTER TABLE runs ADD COLUMN no_cache INTEGER NOT NULL DEFAULT 0",
          "ALTER TABLE runs ADD COLUMN committed_at TEXT");

  /**
   * Version 4: the home's settings (its promotion policy and the sealed audit head) and which
   * reviewers are admins (who may add and disable reviewers and change the policy); in a home that
   * already has reviewers, the earliest active one becomes its admin.
   */
  private static final List<String> VERSION_4 =
      List.of(
          "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL,"
              + " updated_at TEXT NOT NULL, updated_by TEXT NOT NULL)",
          "ALTER TABLE reviewers ADD COLUMN admin INTEGER NOT NULL DEFAULT 0",
          "UPDATE reviewers SET admin = 1 WHERE name = (SELECT name FROM reviewers"
              + " WHERE disabled = 0 ORDER BY created_at, name LIMIT 1)");

  /**
   * Version 5: how far each serving revision's admin journal has been imported into the audit log
   * (bytes and lines), so every journaled admin action is audited exactly once.
   */
  private static final List<String> VERSION_5 =
      List.of(
          "CREATE TABLE endpoint_journals (revision TEXT PRIMARY KEY, offset INTEGER NOT NULL,"
              + " lines INTEGER NOT NULL, updated_at TEXT NOT NULL)");

  /**
   * Version 6: {@code recopipe gc} marks the artifacts it removed, so history still lists them and
   * nothing mistakes a removed directory for a live one.
   */
  private static final List<String> VERSION_6 =
      List.of("ALTER TABLE artifacts ADD COLUMN removed_at TEXT");

  /** Every migration by the version it brings the schema to, applied in this order. */
  private static final Map<Integer, List<String>> MIGRATIONS = migrations();

  private Schema() {}

  private static Map<Integer, List<String>> migrations() {
    Map<Integer, List<String>> all = new TreeMap<>();
    all.put(1, VERSION_1);
    all.put(2, VERSION_2);
    all.put(3, VERSION_3);
    all.put(4, VERSION_4);
    all.put(5, VERSION_5);
    all.put(6, VERSION_6);
    return Map.copyOf(all);
  }

  /**
   * Creates or upgrades the schema; call inside a write transaction. Each migration runs once, when
   * its version is not yet recorded (not merely when it is above the highest recorded one), so a
   * home is upgraded the same way whatever order the versions were released in. Returns the
   * versions that were already applied (empty for a new database), so the caller can finish an
   * upgrade that needs more than SQL.
   */
  static Set<Integer> migrate(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
      Set<Integer> applied = new TreeSet<>();
      try (ResultSet rs = statement.executeQuery("SELECT version FROM schema_version")) {
        while (rs.next()) {
          applied.add(rs.getInt(1));
        }
      }
      int newest = applied.stream().mapToInt(Integer::intValue).max().orElse(0);
      if (newest > CURRENT) {
        throw new SQLException(
            "metadata schema version "
                + newest
                + " is newer than this recopipe understands ("
                + CURRENT
                + ")");
      }
      for (Map.Entry<Integer, List<String>> migration : new TreeMap<>(MIGRATIONS).entrySet()) {
        if (!applied.contains(migration.getKey())) {
          for (String ddl : migration.getValue()) {
            statement.execute(ddl);
          }
          statement.execute(
              "INSERT INTO schema_version (version) VALUES (" + migration.getKey() + ")");
        }
      }
      return applied;
    }
  }
}
