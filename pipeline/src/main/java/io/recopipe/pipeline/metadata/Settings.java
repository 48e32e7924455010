package io.recopipe.pipeline.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The home's settings table (key, value, when, by whom), read and written on the caller's
 * connection so a change commits in the same transaction as the audit entry that records it.
 */
public final class Settings {
  private Settings() {}

  /** The value of {@code key}, when set. */
  public static Optional<String> get(Connection connection, String key) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** Sets {@code key} to {@code value}, recording when and by whom. */
  public static void put(Connection connection, String key, String value, Instant at, String by)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO settings (key, value,"
                + " updated_at, updated_by) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET"
                + " value = excluded.value, updated_at = excluded.updated_at,"
                + " updated_by = excluded.updated_by")) {
      ps.setString(1, key);
      ps.setString(2, value);
      ps.setString(3, Timestamps.format(at));
      ps.setString(4, by);
      ps.executeUpdate();
    }
  }
}
