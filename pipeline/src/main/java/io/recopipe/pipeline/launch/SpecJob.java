package io.recopipe.pipeline.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.recopipe.model.io.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One job of a spec: its names (what {@code {{$.pipeline_job_name}}} and the other runtime values
 * resolve to), its directory and artifact root, and the record of its tasks, rewritten after each
 * task so a stopped run still shows how far it came.
 */
final class SpecJob {
  private final Spec spec;
  private final String name;
  private final String uuid = UUID.randomUUID().toString();
  private final String createTime = Instant.now().toString();
  private final Path directory;
  private final ArtifactRoot artifacts;
  private final TaskCache cache;
  private final PrintStream out;
  private final Map<String, TaskResult> results = new LinkedHashMap<>();
  private boolean failing;

  SpecJob(
      Spec spec,
      String name,
      Path directory,
      ArtifactRoot artifacts,
      TaskCache cache,
      PrintStream out) {
    this.spec = spec;
    this.name = name;
    this.directory = directory;
    this.artifacts = artifacts;
    this.cache = cache;
    this.out = out;
  }

  Spec spec() {
    return spec;
  }

  String name() {
    return name;
  }

  /** The job's resource name, as Vertex's {@code projects/…/pipelineJobs/NAME} reads here. */
  String resourceName() {
    return "local/pipelineJobs/" + name;
  }

  String pipelineRoot() {
    return spec.pipelineRoot().orElse(ArtifactRoot.DEFAULT_PIPELINE_ROOT) + "/" + name;
  }

  Path directory() {
    return directory;
  }

  ArtifactRoot artifacts() {
    return artifacts;
  }

  TaskCache cache() {
    return cache;
  }

  PrintStream out() {
    return out;
  }

  /** Whether a task has failed: no further task starts, except exit handlers. */
  boolean failing() {
    return failing;
  }

  /**
   * The value of a {@code runtimeValue.constant} for task {@code task}: KFP's driver replaces the
   * job and task placeholders ({@code resolve.go}); any other constant passes through.
   */
  JsonNode runtimeValue(JsonNode constant, String task) {
    if (!constant.isTextual()) {
      return constant;
    }
    return switch (constant.textValue()) {
      case "{{$.pipeline_job_name}}" -> TextNode.valueOf(name);
      case "{{$.pipeline_job_resource_name}}" -> TextNode.valueOf(resourceName());
      case "{{$.pipeline_job_uuid}}" -> TextNode.valueOf(uuid);
      case "{{$.pipeline_task_name}}" -> TextNode.valueOf(task);
      case "{{$.pipeline_task_uuid}}" -> TextNode.valueOf(UUID.randomUUID().toString());
      case "{{$.pipeline_job_create_time_utc}}", "{{$.pipeline_job_schedule_time_utc}}" ->
          TextNode.valueOf(createTime);
      default -> constant;
    };
  }

  /** Records how task {@code key} ({@code condition-1.export}) ended and rewrites the record. */
  synchronized void record(String key, TaskResult result) {
    results.put(key, result);
    if (result.state() == TaskState.FAILED) {
      failing = true;
    }
    write(null);
  }

  /** Writes {@code run.json}; {@code state} is null while the job runs. */
  synchronized void write(TaskState state) {
    ObjectNode json =
        Json.object()
            .put("job", name)
            .put("pipeline", spec.pipelineName())
            .put("state", state == null ? "RUNNING" : state.name())
            .put("created", createTime)
            .put("pipelineRoot", pipelineRoot());
    ObjectNode tasks = json.putObject("tasks");
    results.forEach((key, result) -> tasks.set(key, result.toJson(artifacts)));
    Path file = directory.resolve(SpecRun.RECORD);
    try {
      Path temp = directory.resolve(SpecRun.RECORD + ".tmp");
      Files.writeString(temp, Json.pretty(json) + "\n", StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
