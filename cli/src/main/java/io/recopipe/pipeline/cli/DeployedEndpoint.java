package io.recopipe.pipeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
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
  private DeployedEndpoint() {}

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
        JsonNode json = JsonFields.asObject(Json.parse(Files.readString(file)));
        if (JsonFields.bool(json, "deployed")) {
          return Optional.of(JsonFields.string(json, "url"));
        }
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
