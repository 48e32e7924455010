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
import java.time.Instant;
import java.util.Optional;

/**
 * The audit log's sealed head: the newest entry's sequence number and hash with an HMAC under the
 * home's {@link AuditKey}, kept in the settings table (updated in the same transaction as the
 * entries) and copied to a file beside the database after each commit, because a hash chain alone
 * cannot notice its newest entries being cut off or re-hashed.
 *
 * <p>The seal only ever moves forward from a head that still verifies: when the log no longer
 * matches it, or the key is gone, it is left alone as the evidence {@code audit verify} reports.
 */
public final class AuditHeadFile {
  /** The settings key holding the sealed head. */
  public static final String SETTING = "audit.head";

  /** The hash before the first entry. */
  public static final String GENESIS = "0".repeat(64);

  /**
   * A head.
   *
   * @param seq the newest entry's sequence number (0 for an empty log)
   * @param hash its hash ({@link #GENESIS} for an empty log)
   * @param mac HMAC-SHA256 of both under the audit key, in hex
   */
  public record Head(long seq, String hash, String mac) {
    /** The head in {@code text} ({@code SEQ HASH MAC}), or empty when malformed. */
    public static Optional<Head> parse(String text) {
      String[] parts = text.strip().split(" ");
      if (parts.length != 3
          || !parts[0].matches("\\d{1,18}")
          || !parts[1].matches("[0-9a-f]{64}")
          || !parts[2].matches("[0-9a-f]{64}")) {
        return Optional.empty();
      }
      return Optional.of(new Head(Long.parseLong(parts[0]), parts[1], parts[2]));
    }

    /** Whether the MAC was made with {@code key}. */
    public boolean sealedBy(byte[] key) {
      return AuditKey.verifies(key, seq, hash, mac);
    }

    String text() {
      return seq + " " + hash + " " + mac;
    }
  }

  private final Path file;
  private final AuditKey key;
  private long written = -1;
  private boolean mayCreateCopy;

  AuditHeadFile(Path database) {
    this.file = database.resolveSibling(database.getFileName() + ".audit-head");
    this.key = new AuditKey(database.resolveSibling(AuditKey.FILE_NAME));
  }

  /** The file holding the copy. */
  public Path file() {
    return file;
  }

  /** The key the head is sealed with. */
  public AuditKey key() {
    return key;
  }

  /** The copy's text, when the file exists. */
  public Optional<String> readCopy() throws IOException {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** The sealed head's text in the settings table, when there is one. */
  public static Optional<String> readSealed(Connection connection) throws SQLException {
    return Settings.get(connection, SETTING);
  }

  /**
   * Seals the log as it stands when a database is created or upgraded to sealed heads (the first
   * use of the key): an empty log seals the genesis; an older home's log is sealed only when it
   * agrees with its old head copy, so an upgrade never blesses a cut-off log.
   */
  void sealOnUpgrade(Connection connection) throws SQLException, IOException {
    byte[] secret = key.readOrCreate();
    Optional<Entry> newest = entry(connection, "ORDER BY seq DESC LIMIT 1");
    Optional<String> copy = readCopy();
    if (newest.isPresent() && copy.isPresent() && !agrees(connection, copy.get())) {
      return;
    }
    seal(connection, secret, newest.orElse(new Entry(0, GENESIS)));
    mayCreateCopy = copy.isEmpty() || newest.isPresent();
  }

  /** Whether an old-style copy ({@code SEQ HASH}, maybe a MAC) names an entry of the log. */
  private static boolean agrees(Connection connection, String copy) throws SQLException {
    String[] parts = copy.strip().split(" ");
    return parts.length >= 2
        && parts[0].matches("\\d{1,18}")
        && hashAt(connection, Long.parseLong(parts[0])).equals(Optional.of(parts[1]));
  }

  /**
   * Before a commit: when this transaction appended entries on top of a head that verifies, seals
   * the new head in the same transaction.
   */
  void extend(Connection connection) throws SQLException, IOException {
    Optional<Entry> newest = entry(connection, "ORDER BY seq DESC LIMIT 1");
    Optional<Head> sealed = readSealed(connection).flatMap(Head::parse);
    if (newest.isEmpty() || sealed.isEmpty() || sealed.get().seq() >= newest.get().seq) {
      return;
    }
    Optional<byte[]> secret = key.read();
    if (secret.isEmpty()
        || !sealed.get().sealedBy(secret.get())
        || !hashAt(connection, sealed.get().seq()).equals(Optional.of(sealed.get().hash()))) {
      return;
    }
    seal(connection, secret.get(), newest.get());
  }

  /**
   * After a commit: copies the sealed head to the file when it moved on from a copy that still
   * matches the log; a deleted or disagreeing copy is left as it is for {@code audit verify}.
   */
  void refresh(Connection connection) throws SQLException, IOException {
    Optional<Head> sealed = readSealed(connection).flatMap(Head::parse);
    if (sealed.isEmpty() || sealed.get().seq() == written) {
      return;
    }
    Optional<String> copy = readCopy();
    Optional<Head> copied = copy.flatMap(Head::parse);
    boolean follows =
        mayCreateCopy
            || (copy.isEmpty()
                ? sealed.get().seq() == 0
                : copied.isPresent()
                    && copied.get().seq() <= sealed.get().seq()
                    && hashAt(connection, copied.get().seq())
                        .equals(Optional.of(copied.get().hash())));
    if (!follows) {
      return;
    }
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temp, sealed.get().text() + "\n", StandardCharsets.US_ASCII);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    written = sealed.get().seq();
    mayCreateCopy = false;
  }

  /** The hash of entry {@code seq} (the genesis for 0), when it exists. */
  public static Optional<String> hashAt(Connection connection, long seq) throws SQLException {
    return seq == 0
        ? Optional.of(GENESIS)
        : entry(connection, "WHERE seq = " + seq).map(e -> e.hash);
  }

  private void seal(Connection connection, byte[] secret, Entry head) throws SQLException {
    Settings.put(
        connection,
        SETTING,
        new Head(head.seq, head.hash, AuditKey.seal(secret, head.seq, head.hash)).text(),
        Instant.now(),
        "recopipe");
  }

  private record Entry(long seq, String hash) {}

  private static Optional<Entry> entry(Connection connection, String where) throws SQLException {
    try (PreparedStatement ps =
            connection.prepareStatement("SELECT seq, hash FROM audit_log " + where);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(new Entry(rs.getLong(1), rs.getString(2))) : Optional.empty();
    }
  }
}
