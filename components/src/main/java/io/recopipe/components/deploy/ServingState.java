package io.recopipe.components.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The state file a serving process writes once ready (contract: pid, ports, model name and version,
 * run id, start time, bind host), which is how a deploy learns the ephemeral ports it chose; the
 * revision's admin secret is read from beside it.
 */
record ServingState(
    long pid,
    int port,
    int adminPort,
    String modelName,
    String modelVersion,
    String runId,
    String startedAt,
    String host,
    String adminSecret) {

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
      ObjectNode json = JsonFields.asObject(Json.parse(Files.readAllBytes(file)));
      return Optional.of(
          new ServingState(
              JsonFields.longValue(json, "pid"),
              (int) JsonFields.longValue(json, "port"),
              (int) JsonFields.longValue(json, "admin_port"),
              JsonFields.string(json, "model_name", ""),
              JsonFields.string(json, "model_version", ""),
              JsonFields.string(json, "run_id", ""),
              JsonFields.string(json, "started_at", ""),
              JsonFields.string(json, "host", "127.0.0.1"),
              AdminSecret.read(file.toAbsolutePath().getParent())));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
