package io.recopipe.pipeline.metadata;

import io.recopipe.pipeline.home.NativeLibraries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite metadata store of one home: one connection in WAL mode with a busy timeout, every
 * write in a {@code BEGIN IMMEDIATE} transaction (a plain deferred BEGIN that later upgrades to a
 * write lock fails with SQLITE_BUSY instead of waiting), so several processes and threads can
 * record runs into the same file safely. The repositories ({@link RunRepository}, {@link
 * ExecutionRepository}, {@link ArtifactRepository}) do the SQL.
 *
 * <p>A write or read started by a thread that is already inside a write on the same database file
 * (through this store or another one over that file) joins that transaction instead of beginning
 * its own: a caller composes several repositories' changes into one unit of work by nesting them in
 * one {@link #write}, and they commit or roll back together.
 */
public final class MetadataStore implements AutoCloseable {
  /** How long a writer waits for another writer's lock before giving up. */
  static final int BUSY_TIMEOUT_MS = 60_000;

  /** Per thread: the connection of each database file it holds a write transaction on. */
  private static final ThreadLocal<Map<Path, Connection>> OPEN_WRITES =
      ThreadLocal.withInitial(HashMap::new);

  private final Path file;
  private final Path key;
  private final Connection connection;
  private final AuditHeadFile auditHead;

  private MetadataStore(Path file, Connection connection) {
    this.file = file;
    this.key = file.toAbsolutePath().normalize();
    this.connection = connection;
    this.auditHead = new AuditHeadFile(file.toAbsolutePath());
  }

  /** Opens (creating if needed) the store at {@code file} and brings its schema up to date. */
  public static MetadataStore open(Path file) {
    NativeLibraries.await(NativeLibraries.SQLITE);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      SQLiteConfig config = new SQLiteConfig();
      config.setBusyTimeout(BUSY_TIMEOUT_MS);
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      config.enforceForeignKeys(true);
      Connection connection =
          DriverManager.getConnection(
              "jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
      MetadataStore store = new MetadataStore(file, connection);
      store.write(
          c -> {
            if (!Schema.migrate(c).contains(4)) {
              try {
                store.auditHead.sealOnUpgrade(c);
              } catch (java.io.IOException e) {
                throw new SQLException(
                    "cannot create the audit key "
                        + store.auditHead.key().file()
                        + ": "
                        + e.getMessage(),
                    e);
              }
            }
            return null;
          });
      return store;
    } catch (SQLException | java.io.IOException e) {
      throw new MetadataException("cannot open metadata store " + file + ": " + e.getMessage(), e);
    }
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  /**
   * Runs {@code work} in a {@code BEGIN IMMEDIATE} transaction, committing on success; inside
   * another write of this thread on the same file it runs in that transaction (see above).
   */
  public <T> T write(SqlWork<T> work) {
    Connection joined = OPEN_WRITES.get().get(key);
    if (joined != null) {
      return joined(joined, work, "write");
    }
    return writeOwn(work);
  }

  private synchronized <T> T writeOwn(SqlWork<T> work) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      try {
        T result;
        OPEN_WRITES.get().put(key, connection);
        try {
          result = work.apply(connection);
        } finally {
          OPEN_WRITES.get().remove(key);
        }
        sealAuditHead();
        statement.execute("COMMIT");
        refreshAuditHead();
        return result;
      } catch (SQLException | RuntimeException e) {
        statement.execute("ROLLBACK");
        throw e;
      }
    } catch (SQLException e) {
      throw new MetadataException("metadata write failed in " + file + ": " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} in the enclosing write transaction's {@code connection}. */
  private <T> T joined(Connection connection, SqlWork<T> work, String what) {
    try {
      return work.apply(connection);
    } catch (SQLException e) {
      throw new MetadataException(
          "metadata " + what + " failed in " + file + ": " + e.getMessage(), e);
    }
  }

  /** The copy of the audit log's head this store keeps beside its file. */
  public AuditHeadFile auditHead() {
    return auditHead;
  }

  /**
   * Before a commit: the sealed head follows the entries this transaction appended. An unreadable
   * key never fails the write: the head then stays behind, which {@code audit verify} reports.
   */
  private void sealAuditHead() throws SQLException {
    try {
      auditHead.extend(connection);
    } catch (java.io.IOException e) {
      // looked up here: a command that never fails here does not set logging up
      LoggerFactory.getLogger(MetadataStore.class).warn("cannot seal the audit head", e);
    }
  }

  /** After a commit: the head copy follows the log; failing to write it never fails the write. */
  private void refreshAuditHead() {
    try {
      auditHead.refresh(connection);
    } catch (SQLException | java.io.IOException e) {
      LoggerFactory.getLogger(MetadataStore.class).warn("cannot update " + auditHead.file(), e);
    }
  }

  /**
   * Runs {@code work} as a read (a consistent snapshot in WAL mode); inside a write of this thread
   * on the same file it reads that transaction's own changes.
   */
  public <T> T read(SqlWork<T> work) {
    Connection joined = OPEN_WRITES.get().get(key);
    if (joined != null) {
      return joined(joined, work, "read");
    }
    return readOwn(work);
  }

  private synchronized <T> T readOwn(SqlWork<T> work) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("BEGIN DEFERRED");
      try {
        return work.apply(connection);
      } finally {
        statement.execute("COMMIT");
      }
    } catch (SQLException e) {
      throw new MetadataException("metadata read failed in " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new MetadataException("cannot close metadata store " + file, e);
    }
  }
}
