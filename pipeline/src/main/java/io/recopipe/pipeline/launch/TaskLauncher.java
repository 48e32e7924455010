package io.recopipe.pipeline.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.io.Json;
import io.recopipe.pipeline.launch.Spec.Component;
import io.recopipe.pipeline.launch.Spec.Executor;
import io.recopipe.pipeline.launch.Spec.ParameterSpec;
import io.recopipe.pipeline.launch.Spec.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs one container task as KFP's driver and launcher do: provisions its outputs ({@code driver.go
 * provisionOutputs}: artifacts under {@code ROOT/JOB/TASK/SALT/NAME}, the executor output file
 * beside them), builds the {@code ExecutorInput}, reuses a cache entry when the task allows it,
 * otherwise substitutes the placeholders and runs the command as a child process, with the task's
 * retry policy, then collects the outputs ({@code collectOutputParameters}: the executor output
 * file first, then each parameter's {@code output_file}, typed).
 */
final class TaskLauncher {
  private final SpecJob job;
  private final boolean cacheDisabled;

  TaskLauncher(SpecJob job, boolean cacheDisabled) {
    this.job = job;
    this.cacheDisabled = cacheDisabled;
  }

  TaskResult launch(
      Task task,
      String key,
      Component component,
      Map<String, JsonNode> parameters,
      Map<String, JsonNode> artifacts) {
    Executor executor = job.spec().executors().get(component.executorLabel().orElseThrow());
    Path taskDir = job.directory().resolve("tasks").resolve(key);
    String taskRoot = job.pipelineRoot() + "/" + key + "/" + UUID.randomUUID();
    ObjectNode input = Json.object();
    ObjectNode inputs = input.putObject("inputs");
    parameters.forEach(inputs.putObject("parameterValues")::set);
    ObjectNode inputArtifacts = inputs.putObject("artifacts");
    artifacts.forEach((name, a) -> inputArtifacts.putObject(name).putArray("artifacts").add(a));
    ObjectNode outputs = input.putObject("outputs");
    Map<String, JsonNode> provisioned = new LinkedHashMap<>();
    component
        .outputArtifacts()
        .forEach(
            (name, type) -> {
              ObjectNode artifact = Json.object().put("name", name);
              artifact.set("type", type);
              artifact.put("uri", taskRoot + "/" + name);
              provisioned.put(name, artifact);
              outputs
                  .withObjectProperty("artifacts")
                  .putObject(name)
                  .putArray("artifacts")
                  .add(artifact);
            });
    component
        .outputParameters()
        .keySet()
        .forEach(
            name ->
                outputs
                    .withObjectProperty("parameters")
                    .putObject(name)
                    .put("outputFile", taskDir.resolve("outputs").resolve(name).toString()));
    Path outputFile = localPath(taskRoot).resolve("output_metadata.json");
    outputs.put("outputFile", outputFile.toString());

    String fingerprint = null;
    if (!cacheDisabled && task.enableCache()) {
      fingerprint = TaskCache.fingerprint(cacheKey(executor, component, input));
      Optional<TaskResult> hit = job.cache().lookup(fingerprint);
      if (hit.isPresent()) {
        job.out().println("task " + key + ": cache hit, outputs reused");
        return hit.get();
      }
    }
    Placeholders placeholders =
        Placeholders.of(
            input, uri -> job.artifacts().localPath(uri).map(Path::toString).orElse(null));
    List<String> command =
        new ArrayList<>(
            LocalCommand.local(placeholders.resolve(executor.command()), taskDir.resolve("tmp")));
    command.addAll(placeholders.resolve(executor.args()));
    int maxAttempts = 1 + task.retry().map(Spec.Retry::maxRetryCount).orElse(0);
    String failure = "";
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) {
        sleep(task.retry().orElseThrow().delay(attempt - 1));
        job.out().println("task " + key + ": retry " + (attempt - 1) + " of " + (maxAttempts - 1));
      }
      try {
        prepare(taskDir, outputFile, provisioned.values());
        Files.writeString(taskDir.resolve("executor_input.json"), Json.pretty(input) + "\n");
        int exit =
            ChildProcess.run(
                command, executor.env(), taskDir, taskDir.resolve("task.log"), job.out());
        if (exit != 0) {
          failure =
              "the command exited with " + exit + " (log: " + taskDir.resolve("task.log") + ")";
          continue;
        }
        TaskResult result = collect(component, input, outputFile, provisioned, attempt);
        if (fingerprint != null) {
          job.cache().store(fingerprint, result);
        }
        return result;
      } catch (IOException | IllegalArgumentException e) {
        failure = e.getMessage();
      }
    }
    return new TaskResult(TaskState.FAILED, Map.of(), Map.of(), maxAttempts, failure);
  }

  private ObjectNode cacheKey(Executor executor, Component component, ObjectNode input) {
    ObjectNode key = Json.object().put("pipeline", job.spec().pipelineName());
    key.set("parameterValues", input.path("inputs").path("parameterValues"));
    ObjectNode inputArtifacts = key.putObject("inputArtifacts");
    input
        .path("inputs")
        .path("artifacts")
        .properties()
        .forEach(
            e ->
                inputArtifacts.put(
                    e.getKey(), e.getValue().path("artifacts").path(0).path("uri").asText()));
    ObjectNode outputArtifacts = key.putObject("outputArtifacts");
    component.outputArtifacts().forEach(outputArtifacts::set);
    ObjectNode outputParameters = key.putObject("outputParameters");
    component.outputParameters().forEach((n, s) -> outputParameters.put(n, s.type().name()));
    ArrayNode cmdArgs = key.putArray("cmdArgs");
    executor.command().forEach(cmdArgs::add);
    executor.args().forEach(cmdArgs::add);
    key.put("image", executor.image());
    if (LocalCommand.startsRecopipe(executor.command())) {
      key.put("build", LocalCommand.buildIdentity());
    }
    return key;
  }

  private void prepare(Path taskDir, Path outputFile, Iterable<JsonNode> artifacts)
      throws IOException {
    Deletion.recursively(taskDir.resolve("outputs"));
    Deletion.recursively(taskDir.resolve("tmp"));
    Files.createDirectories(taskDir.resolve("outputs"));
    Files.createDirectories(taskDir.resolve("tmp"));
    Files.deleteIfExists(outputFile);
    Files.createDirectories(outputFile.getParent());
    for (JsonNode artifact : artifacts) {
      Path local = localPath(artifact.path("uri").asText());
      Deletion.recursively(local);
      Files.createDirectories(local.getParent());
    }
  }

  private TaskResult collect(
      Component component,
      ObjectNode input,
      Path outputFile,
      Map<String, JsonNode> provisioned,
      int attempt)
      throws IOException {
    JsonNode executorOutput = Json.object();
    if (Files.isRegularFile(outputFile)) {
      executorOutput = Json.parse(Files.readAllBytes(outputFile));
    }
    Map<String, JsonNode> parameters = new LinkedHashMap<>();
    for (Map.Entry<String, ParameterSpec> out : component.outputParameters().entrySet()) {
      String name = out.getKey();
      JsonNode written = executorOutput.path("parameterValues").get(name);
      if (written != null) {
        parameters.put(name, Values.canonical(written));
        continue;
      }
      Path file =
          Path.of(input.path("outputs").path("parameters").path(name).path("outputFile").asText());
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(
            "output parameter " + name + " was not written (" + file + ")");
      }
      try {
        parameters.put(name, out.getValue().type().parse(Files.readString(file)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "output parameter " + name + " (" + out.getValue().type() + "): " + e.getMessage(), e);
      }
    }
    Map<String, JsonNode> artifacts = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> out : provisioned.entrySet()) {
      ObjectNode artifact = ((ObjectNode) out.getValue()).deepCopy();
      JsonNode reported =
          executorOutput.path("artifacts").path(out.getKey()).path("artifacts").path(0);
      if (reported.path("uri").isTextual() && !reported.path("uri").textValue().isEmpty()) {
        artifact.put("uri", reported.path("uri").textValue());
      }
      if (reported.path("metadata").isObject()) {
        artifact.withObjectProperty("metadata").setAll((ObjectNode) reported.path("metadata"));
      }
      artifacts.put(out.getKey(), artifact);
    }
    return new TaskResult(TaskState.SUCCEEDED, parameters, artifacts, attempt, "");
  }

  private Path localPath(String uri) {
    return job.artifacts()
        .localPath(uri)
        .orElseThrow(() -> new IllegalArgumentException("cannot map " + uri + " to a local path"));
  }

  private static void sleep(java.time.Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry", e);
    }
  }
}
