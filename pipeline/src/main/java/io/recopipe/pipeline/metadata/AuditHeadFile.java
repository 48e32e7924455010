package io.recopipe.pipeline.metadata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A copy of the audit log's newest entry (sequence number and hash) kept beside the database
 * and refreshed after every committed write, because a hash chain alone cannot notice its newest
 * entries being cut off: {@code audit verify} compares the chain's end with this copy.
 */
public final class AuditHeadFile {
  /**
   * The copied head.
   *
   * @param seq  the newest entry's sequence number
   * @param hash its hash
   */
  public record Head(long seq, String hash) {
  }

  private final Path file;
  private long written = -1;

  AuditHeadFile(Path database) {
    this.file = database.resolveSibling(database.getFileName() + ".audit-head");
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /** The copy, when one was written. */
  public Optional<Head> read() throws IOException {
    try {
      String[] parts = Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
      if (parts.length != 2 || !parts[1].matches("[0-9a-f]{64}")) {
        throw new IOException(file + ": expected 'SEQ HASH', found '" + String.join(" ", parts)
            + "'");
      }
      return Optional.of(new Head(Long.parseLong(parts[0]), parts[1]));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (NumberFormatException e) {
      throw new IOException(file + ": the sequence number is not a number", e);
    }
  }

  /**
   * Advances the copy (atomically) when the committed log grew on top of it; called after each
   * commit. It only ever moves forward: when the log is shorter than the copy, or its entry at
   * the copy's sequence number has another hash, the copy is left alone as the evidence
   * {@code audit verify} reports.
   */
  void refresh(Connection connection) throws SQLException, IOException {
    Optional<Head> newest = entry(connection, "ORDER BY seq DESC LIMIT 1");
    if (newest.isEmpty() || newest.get().seq() == written) {
      return;
    }
    Optional<Head> copy = read();
    if (copy.isPresent()) {
      Optional<Head> same = entry(connection, "WHERE seq = " + copy.get().seq());
      if (newest.get().seq() < copy.get().seq() || same.isEmpty()
          || !same.get().hash().equals(copy.get().hash())) {
        return;
      }
    }
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temp, newest.get().seq() + " " + newest.get().hash() + "\n",
        StandardCharsets.US_ASCII);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    written = newest.get().seq();
  }

  private static Optional<Head> entry(Connection connection, String where) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT seq, hash FROM audit_log " + where); ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(new Head(rs.getLong(1), rs.getString(2)))
          : Optional.empty();
    }
  }
}
