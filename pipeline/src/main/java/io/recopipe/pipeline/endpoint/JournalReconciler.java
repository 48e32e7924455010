package io.recopipe.pipeline.endpoint;

import io.recopipe.components.deploy.EndpointRegistry;
import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.metadata.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Imports the new lines of every serving revision's admin journal into the audit log, exactly once:
 * the byte offset imported so far is kept per revision and moved in the same transaction as the
 * audit rows. What the serving processes did through their admin API (including a swap nobody asked
 * the pipeline for) is thus recorded where {@code audit verify} checks it.
 */
public final class JournalReconciler {
  /** The actor prefix of imported entries: {@code admin-api:<revision>}. */
  public static final String ACTOR_PREFIX = "admin-api:";

  private JournalReconciler() {}

  /** Reconciles the journals of {@code home}'s local endpoint; returns the entries imported. */
  public static int reconcile(RecopipeHome home) {
    if (!Files.isDirectory(home.serving())) {
      return 0;
    }
    try (MetadataStore store = MetadataStore.open(home.metadataDb())) {
      return reconcile(store, home.serving());
    }
  }

  /** Reconciles the journals under {@code serviceDir} into {@code store}'s audit log. */
  public static int reconcile(MetadataStore store, Path serviceDir) {
    Map<String, Path> journals = journals(serviceDir);
    if (journals.isEmpty()) {
      return 0;
    }
    return store.write(
        c -> {
          int imported = 0;
          for (Map.Entry<String, Path> journal : journals.entrySet()) {
            imported += importNew(c, journal.getKey(), journal.getValue());
          }
          return imported;
        });
  }

  /** Revision id → its journal, in the revision directory or archived after cleanup. */
  static Map<String, Path> journals(Path serviceDir) {
    Map<String, Path> found = new TreeMap<>();
    Path archived = serviceDir.resolve(EndpointRegistry.ARCHIVED_JOURNALS);
    if (Files.isDirectory(archived)) {
      for (Path file : list(archived)) {
        String name = file.getFileName().toString();
        if (name.endsWith(".jsonl")) {
          found.put(name.substring(0, name.length() - ".jsonl".length()), file);
        }
      }
    }
    Path revisions = serviceDir.resolve("revisions");
    if (Files.isDirectory(revisions)) {
      for (Path dir : list(revisions)) {
        Path journal = dir.resolve(EndpointRegistry.JOURNAL);
        if (Files.isRegularFile(journal)) {
          found.put(dir.getFileName().toString(), journal);
        }
      }
    }
    return found;
  }

  private static int importNew(Connection c, String revision, Path journal) throws SQLException {
    long[] position = position(c, revision);
    byte[] fresh = readFrom(journal, position[0]);
    int end = lastNewline(fresh);
    if (end < 0) {
      return 0;
    }
    String text = new String(fresh, 0, end + 1, StandardCharsets.UTF_8);
    Instant now = Instant.now();
    long line = position[1];
    int imported = 0;
    for (String raw : text.split("\n")) {
      line++;
      if (raw.isBlank()) {
        continue;
      }
      JournalEntry entry = JournalEntry.parse(raw, now);
      Map<String, String> detail = new LinkedHashMap<>(entry.detail());
      detail.put("revision", revision);
      detail.put("journal_line", Long.toString(line));
      if (entry.before() != null) {
        detail.put("model_version_before", entry.before());
      }
      if (entry.after() != null) {
        detail.put("model_version_after", entry.after());
      }
      AuditLog.append(
          c,
          entry.at(),
          ACTOR_PREFIX + revision,
          entry.auditAction(),
          subject(c, revision, entry.modelVersion()),
          detail);
      imported++;
    }
    save(c, revision, position[0] + end + 1, line, now);
    return imported;
  }

  /** {@code pipeline/vN} of the registered version with that model version, else the revision. */
  private static String subject(Connection c, String revision, String modelVersion)
      throws SQLException {
    if (modelVersion != null) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT pipeline, version FROM"
                  + " model_versions WHERE model_version = ? ORDER BY created_at DESC LIMIT 1")) {
        ps.setString(1, modelVersion);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return rs.getString(1) + "/v" + rs.getInt(2);
          }
        }
      }
    }
    return "endpoint/" + revision;
  }

  private static long[] position(Connection c, String revision) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT offset, lines FROM endpoint_journals WHERE revision = ?")) {
      ps.setString(1, revision);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : new long[] {0, 0};
      }
    }
  }

  private static void save(Connection c, String revision, long offset, long lines, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO endpoint_journals (revision,"
                + " offset, lines, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (revision) DO UPDATE SET"
                + " offset = excluded.offset, lines = excluded.lines, updated_at = excluded.updated_at")) {
      ps.setString(1, revision);
      ps.setLong(2, offset);
      ps.setLong(3, lines);
      ps.setString(4, Timestamps.format(now));
      ps.executeUpdate();
    }
  }

  private static byte[] readFrom(Path journal, long offset) {
    try (SeekableByteChannel channel = Files.newByteChannel(journal)) {
      long size = channel.size();
      if (size <= offset) {
        return new byte[0];
      }
      channel.position(offset);
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) (size - offset));
      while (buffer.hasRemaining() && channel.read(buffer) > 0) {
        // keep reading
      }
      return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the admin journal " + journal, e);
    }
  }

  private static int lastNewline(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return new ArrayList<>(files.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
