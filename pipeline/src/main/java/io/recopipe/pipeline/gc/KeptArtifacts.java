package io.recopipe.pipeline.gc;

import io.recopipe.pipeline.metadata.MetadataStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The artifacts {@code recopipe gc} must never remove, found from the metadata alone so that no
 * rule depends on directory names: every registered version's bundle and image, everything the
 * champion, previous (any aliased) and latest exported models were made from, and everything a kept
 * run read or wrote (a cache hit in a new run links an old run's directory).
 */
final class KeptArtifacts {
  private final MetadataStore store;
  private final String championStep;

  /** Over {@code store}; {@code championStep} is the step whose MODEL output is the champion. */
  KeptArtifacts(MetadataStore store, String championStep) {
    this.store = store;
    this.championStep = championStep;
  }

  /** The ids of the artifacts to keep, given the runs that are kept whole. */
  Set<Long> ids(Collection<String> keptRuns) {
    return store.read(
        c -> {
          Set<Long> kept = new HashSet<>();
          kept.addAll(
              ids(
                  c,
                  "SELECT a.id FROM artifacts a JOIN model_versions m"
                      + " ON a.uri = m.bundle_uri OR a.uri = m.image_uri"));
          for (String run : keptRuns) {
            kept.addAll(
                ids(
                    c,
                    "SELECT l.artifact_id FROM lineage l JOIN executions e"
                        + " ON e.id = l.execution_id WHERE e.run_id = ?",
                    run));
          }
          Set<Long> roots =
              new HashSet<>(
                  ids(
                      c,
                      "SELECT a.id FROM aliases al"
                          + " JOIN model_versions m ON m.pipeline = al.pipeline AND m.version = al.version"
                          + " JOIN artifacts a ON a.uri = m.bundle_uri OR a.uri = m.image_uri"));
          roots.addAll(
              ids(
                  c,
                  "SELECT a.id FROM runs r JOIN executions e ON e.run_id = r.id"
                      + " JOIN lineage l ON l.execution_id = e.id AND l.direction = 'OUTPUT'"
                      + " JOIN artifacts a ON a.id = l.artifact_id WHERE r.status = 'SUCCEEDED'"
                      + " AND e.step = ? AND e.status = 'SUCCEEDED' AND a.type = 'MODEL'"
                      + " AND r.ended_at = (SELECT MAX(r2.ended_at) FROM runs r2 JOIN executions e2"
                      + " ON e2.run_id = r2.id WHERE r2.pipeline = r.pipeline AND r2.status = 'SUCCEEDED'"
                      + " AND e2.step = ? AND e2.status = 'SUCCEEDED')",
                  championStep,
                  championStep));
          kept.addAll(lineageOf(c, roots));
          return kept;
        });
  }

  /**
   * {@code roots} and their whole lineage: the execution that made each artifact (not the cache
   * hits that reused it), all that execution read and wrote (its log included), and so on back to
   * the ingested data.
   */
  private static Set<Long> lineageOf(Connection c, Set<Long> roots) throws SQLException {
    Set<Long> seen = new HashSet<>(roots);
    Set<Long> executions = new HashSet<>();
    Deque<Long> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      long artifact = todo.pop();
      for (long execution :
          ids(
              c,
              "SELECT l.execution_id FROM lineage l JOIN executions e"
                  + " ON e.id = l.execution_id WHERE l.artifact_id = ? AND l.direction = 'OUTPUT'"
                  + " AND e.cache_hit = 0",
              artifact)) {
        if (!executions.add(execution)) {
          continue;
        }
        for (long linked :
            ids(c, "SELECT artifact_id FROM lineage WHERE execution_id = ?", execution)) {
          if (seen.add(linked)) {
            todo.push(linked);
          }
        }
      }
    }
    return seen;
  }

  private static Set<Long> ids(Connection c, String sql, Object... parameters) throws SQLException {
    Set<Long> ids = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }
}
