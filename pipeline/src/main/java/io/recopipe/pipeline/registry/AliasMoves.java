package io.recopipe.pipeline.registry;

import io.recopipe.pipeline.metadata.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves an alias and appends the move to {@code alias_history} in the caller's transaction, so an
 * alias never changes without a history row saying who, when, why and from → to.
 */
final class AliasMoves {
  private AliasMoves() {}

  static Optional<Integer> current(Connection c, String pipeline, String alias)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT version FROM aliases WHERE pipeline = ? AND alias = ?")) {
      ps.setString(1, pipeline);
      ps.setString(2, alias);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
      }
    }
  }

  static void move(
      Connection c,
      String pipeline,
      String alias,
      Optional<Integer> from,
      int to,
      String actor,
      Instant at,
      String reason)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO aliases (pipeline, alias,"
                + " version, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (pipeline, alias)"
                + " DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at")) {
      ps.setString(1, pipeline);
      ps.setString(2, alias);
      ps.setInt(3, to);
      ps.setString(4, Timestamps.format(at));
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO alias_history (pipeline, alias,"
                + " from_version, to_version, actor, at, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, pipeline);
      ps.setString(2, alias);
      ps.setObject(3, from.orElse(null));
      ps.setInt(4, to);
      ps.setString(5, actor);
      ps.setString(6, Timestamps.format(at));
      ps.setString(7, reason);
      ps.executeUpdate();
    }
  }

  static List<AliasChange> history(Connection c, String pipeline) throws SQLException {
    List<AliasChange> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, pipeline, alias, from_version,"
                + " to_version, actor, at, reason FROM alias_history WHERE pipeline = ?"
                + " ORDER BY id DESC")) {
      ps.setString(1, pipeline);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new AliasChange(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  optionalInt(rs, 4),
                  optionalInt(rs, 5),
                  rs.getString(6),
                  Timestamps.parse(rs.getString(7)),
                  rs.getString(8)));
        }
      }
    }
    return out;
  }

  private static Optional<Integer> optionalInt(ResultSet rs, int column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(value);
  }
}
