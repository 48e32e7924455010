package io.recopipe.serving.admin;

import io.recopipe.serving.http.Responses;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The revision's append-only journal of admin actions (one JSON object a line, accepted and refused
 * alike), kept as a plain owner-only file so the lean server needs no database and the deployer can
 * import every line into the audit log.
 */
public final class AdminJournal {
  private final Path file;

  /** A journal appending to {@code file}; null disables it. */
  public AdminJournal(Path file) {
    this.file = file;
  }

  /**
   * Appends one entry: {@code at, action, outcome, model_version_before, model_version_after,
   * remote, pid} plus {@code detail}; a failure to write is returned as a message, never thrown.
   */
  public synchronized String append(
      String action,
      String outcome,
      String before,
      String after,
      String remote,
      Map<String, Object> detail) {
    if (file == null) {
      return null;
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("at", Instant.now().toString());
    entry.put("action", action);
    entry.put("outcome", outcome);
    entry.put("model_version_before", before);
    entry.put("model_version_after", after);
    entry.put("remote", remote);
    entry.put("pid", ProcessHandle.current().pid());
    entry.put("detail", detail);
    try (FileChannel channel =
        FileChannel.open(
            file,
            java.util.Set.of(
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
      byte[] line =
          (Responses.mapper().writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
      return null;
    } catch (IOException | RuntimeException e) {
      return "cannot append to the admin journal " + file + ": " + e.getMessage();
    }
  }
}
