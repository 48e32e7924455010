package io.recopipe.pipeline.metadata;

import io.recopipe.components.api.ArtifactType;
import io.recopipe.pipeline.artifacts.StoredArtifact;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes the {@code artifacts} and {@code lineage} tables: which execution read and wrote
 * which artifact through which port.
 */
public final class ArtifactRepository {
  /** Lineage direction of an execution's inputs. */
  public static final String INPUT = "INPUT";

  /** Lineage direction of an execution's outputs. */
  public static final String OUTPUT = "OUTPUT";

  private final MetadataStore store;

  /** Repository over {@code store}. */
  public ArtifactRepository(MetadataStore store) {
    this.store = store;
  }

  /**
   * Records {@code artifact} (a re-commit under the same uri updates its hash and clears a {@code
   * recopipe gc} removal mark) and links it to execution {@code executionId} as {@code direction}
   * through {@code port}, in one transaction.
   */
  public StoredArtifact recordAndLink(
      StoredArtifact artifact, long executionId, String direction, String port) {
    return store.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO artifacts (uri, type, sha256,"
                      + " bytes, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (uri) DO UPDATE SET"
                      + " type = excluded.type, sha256 = excluded.sha256, bytes = excluded.bytes,"
                      + " created_at = excluded.created_at, removed_at = NULL")) {
            ps.setString(1, artifact.uri());
            ps.setString(2, artifact.type().name());
            ps.setString(3, artifact.sha256());
            ps.setLong(4, artifact.bytes());
            ps.setString(5, Timestamps.format(Instant.now()));
            ps.executeUpdate();
          }
          long id;
          try (PreparedStatement ps =
              c.prepareStatement("SELECT id FROM artifacts WHERE uri = ?")) {
            ps.setString(1, artifact.uri());
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              id = rs.getLong(1);
            }
          }
          linkIn(c, executionId, direction, port, id);
          return artifact.withId(id);
        });
  }

  /** Links an already recorded artifact to execution {@code executionId}. */
  public void link(long executionId, String direction, String port, long artifactId) {
    store.write(
        c -> {
          linkIn(c, executionId, direction, port, artifactId);
          return null;
        });
  }

  /** The artifacts execution {@code executionId} read or wrote ({@code direction}), by port. */
  public Map<String, StoredArtifact> linked(long executionId, String direction) {
    return store.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT l.port, a.id, a.uri, a.type,"
                      + " a.sha256, a.bytes FROM lineage l JOIN artifacts a ON a.id = l.artifact_id"
                      + " WHERE l.execution_id = ? AND l.direction = ? ORDER BY l.port")) {
            ps.setLong(1, executionId);
            ps.setString(2, direction);
            Map<String, StoredArtifact> byPort = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                byPort.put(rs.getString(1), artifact(rs, 2));
              }
            }
            return byPort;
          }
        });
  }

  /**
   * The MODEL output of the most recent successful execution of step {@code step} in a SUCCEEDED
   * run of pipeline {@code pipeline}: the champion.
   */
  public Optional<StoredArtifact> latestModelOf(String pipeline, String step) {
    return store.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT a.id, a.uri, a.type, a.sha256,"
                      + " a.bytes FROM runs r JOIN executions e ON e.run_id = r.id"
                      + " JOIN lineage l ON l.execution_id = e.id AND l.direction = 'OUTPUT'"
                      + " JOIN artifacts a ON a.id = l.artifact_id"
                      + " WHERE r.pipeline = ? AND r.status = 'SUCCEEDED' AND e.step = ?"
                      + " AND e.status = 'SUCCEEDED' AND a.type = 'MODEL'"
                      + " ORDER BY r.ended_at DESC, e.id DESC LIMIT 1")) {
            ps.setString(1, pipeline);
            ps.setString(2, step);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(artifact(rs, 1)) : Optional.empty();
            }
          }
        });
  }

  /** The recorded artifact with uri {@code uri} (e.g. a registry version's bundle). */
  public Optional<StoredArtifact> find(String uri) {
    return store.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, uri, type, sha256, bytes FROM artifacts WHERE uri = ?")) {
            ps.setString(1, uri);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(artifact(rs, 1)) : Optional.empty();
            }
          }
        });
  }

  private static void linkIn(
      java.sql.Connection c, long executionId, String direction, String port, long artifactId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT OR REPLACE INTO lineage"
                + " (execution_id, direction, port, artifact_id) VALUES (?, ?, ?, ?)")) {
      ps.setLong(1, executionId);
      ps.setString(2, direction);
      ps.setString(3, port);
      ps.setLong(4, artifactId);
      ps.executeUpdate();
    }
  }

  private static StoredArtifact artifact(ResultSet rs, int first) throws SQLException {
    return new StoredArtifact(
        rs.getLong(first),
        rs.getString(first + 1),
        ArtifactType.valueOf(rs.getString(first + 2)),
        rs.getString(first + 3),
        rs.getLong(first + 4));
  }
}
