package io.recopipe.pipeline.kfp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.api.Component;
import io.recopipe.components.api.Port;
import io.recopipe.model.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes KFP's {@code ExecutorOutput} for a step, as KFP's Python executor does ({@code
 * sdk/python/kfp/dsl/executor.py} {@code write_executor_output}): each output artifact's name and
 * URI from the executor input with its metadata, where a {@code system.Metrics} artifact's metadata
 * is the step's metrics (name → number, what {@code Metrics.log_metric} records). KFP's launcher
 * merges that metadata into the artifacts it records, which is how Vertex shows a run's metrics.
 */
final class ExecutorOutput {

  private ExecutorOutput() {}

  /**
   * Writes the executor output of {@code component} with {@code metrics} to the file {@code
   * executorInput} names ({@code outputs.outputFile}); does nothing when it names none.
   */
  static void write(JsonNode executorInput, Component component, Map<String, Double> metrics)
      throws IOException {
    JsonNode outputs = executorInput.path("outputs");
    String file = outputs.path("outputFile").asText("");
    if (file.isEmpty()) {
      return;
    }
    Files.writeString(
        prepared(Path.of(file)),
        Json.compact(of(outputs, component, metrics)),
        StandardCharsets.UTF_8);
  }

  /** The executor output for the {@code outputs} of an executor input. */
  static ObjectNode of(JsonNode outputs, Component component, Map<String, Double> metrics) {
    ObjectNode output = Json.object();
    ObjectNode artifacts = output.putObject("artifacts");
    for (Port port : component.outputs()) {
      JsonNode given = outputs.path("artifacts").path(port.name()).path("artifacts").path(0);
      if (given.isMissingNode()) {
        continue;
      }
      ObjectNode artifact = artifacts.putObject(port.name()).putArray("artifacts").addObject();
      artifact.put("name", given.path("name").asText(""));
      artifact.put("uri", given.path("uri").asText(""));
      ObjectNode metadata = artifact.putObject("metadata");
      if (ExecutorSpecs.isMetrics(port)) {
        metrics.forEach(
            (name, value) -> {
              if (Double.isFinite(value)) {
                metadata.put(name, value);
              }
            });
      }
    }
    return output;
  }

  private static Path prepared(Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    return file;
  }
}
