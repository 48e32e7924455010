package io.recopipe.components.deploy;

import io.recopipe.model.json.JsonObject;
import io.recopipe.model.json.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The state file a serving process writes once ready (contract: pid, ports, model name and
 * version, run id, start time, bind host), which is how a deploy learns the ephemeral ports it
 * chose; the revision's admin secret is read from beside it.
 */
record ServingState(long pid, int port, int adminPort, String modelName, String modelVersion,
    String runId, String startedAt, String host, String adminSecret) {

  /** A client for this server's public and admin API. */
  ServingClient client() {
    return new ServingClient(host, adminSecret);
  }


  /** Reads {@code file}, or empty while it is absent or not (yet) a complete state. */
  static Optional<ServingState> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonObject json = JsonParser.parse(Files.readAllBytes(file)).asObject();
      return Optional.of(new ServingState(json.getLong("pid"), (int) json.getLong("port"),
          (int) json.getLong("admin_port"), json.getString("model_name", ""),
          json.getString("model_version", ""), json.getString("run_id", ""),
          json.getString("started_at", ""), json.getString("host", "127.0.0.1"),
          AdminSecret.read(file.toAbsolutePath().getParent())));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
