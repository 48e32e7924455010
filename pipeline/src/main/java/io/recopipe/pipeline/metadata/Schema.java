package io.recopipe.pipeline.metadata;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The metadata tables and their version, created on first open and upgraded in order, so that a
 * home written by an older recopipe keeps working (the {@code schema_version} table says where
 * it stands).
 */
final class Schema {
  /** The version this code writes. */
  static final int CURRENT = 1;

  private static final List<String> VERSION_1 = List.of(
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

  private Schema() {
  }

  /** Creates or upgrades the schema; call inside a write transaction. */
  static void migrate(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
      int version = 0;
      try (ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
        if (rs.next()) {
          version = rs.getInt(1);
        }
      }
      if (version > CURRENT) {
        throw new SQLException("metadata schema version " + version
            + " is newer than this recopipe understands (" + CURRENT + ")");
      }
      if (version < 1) {
        for (String ddl : VERSION_1) {
          statement.execute(ddl);
        }
        statement.execute("INSERT INTO schema_version (version) VALUES (1)");
      }
    }
  }
}
