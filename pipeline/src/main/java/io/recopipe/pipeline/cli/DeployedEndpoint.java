package io.recopipe.pipeline.cli;

import io.recopipe.model.json.JsonObject;
import io.recopipe.model.json.JsonParser;
import io.recopipe.pipeline.artifacts.StoredArtifact;
import io.recopipe.pipeline.metadata.ExecutionStatus;
import io.recopipe.pipeline.runner.RunHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the predict URL a run's deploy step left serving (its {@code endpoint.json}), so the run
 * can end by printing it with a curl command that works as pasted.
 */
final class DeployedEndpoint {
  private DeployedEndpoint() {
  }

  static Optional<String> of(RunHistory history, Optional<RunHistory.RunReport> report) {
    if (report.isEmpty()) {
      return Optional.empty();
    }
    for (RunHistory.ExecutionReport execution : report.get().executions()) {
      StoredArtifact artifact = execution.outputs().get("endpoint");
      if (artifact == null || execution.execution().status() != ExecutionStatus.SUCCEEDED) {
        continue;
      }
      Path file = history.locate(artifact).resolve("endpoint.json");
      try {
        JsonObject json = JsonParser.parse(Files.readString(file)).asObject();
        if (json.getBoolean("deployed")) {
          return Optional.of(json.getString("url"));
        }
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
