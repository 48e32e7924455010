package io.recopipe.serving;

import io.recopipe.serving.http.Responses;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes the ready state ({@code pid, port, admin_port, model_name, model_version, run_id,
 * started_at}) atomically through a temp file and a rename, so that a deployer polling for the
 * file never reads half of it.
 */
public final class StateFile {
  private StateFile() {
  }

  /** Writes {@code state} as JSON to {@code path}. */
  public static void write(Path path, Map<String, Object> state) throws IOException {
    Path absolute = path.toAbsolutePath();
    Path parent = absolute.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Path temp = Files.createTempFile(parent, "." + absolute.getFileName(), ".tmp");
    try {
      Files.write(temp, Responses.MAPPER.writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(state));
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
