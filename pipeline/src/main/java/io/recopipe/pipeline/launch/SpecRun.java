package io.recopipe.pipeline.launch;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.infra.config.GcpEnvironment;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonInputException;
import io.recopipe.pipeline.launch.Spec.ParameterSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code recopipe run --spec}: runs a compiled {@code PipelineSpec} here as Vertex AI would run it,
 * each executor a child process with the local profile. The spec and the parameter values are
 * checked before anything is written; a spec compiled for the gcp profile is refused, since its
 * tasks would read and write the project's BigQuery, Cloud Storage and Cloud Run. Each job gets a
 * directory {@code HOME/spec-runs/JOB/} (its record {@value #RECORD}, each task's executor input
 * and log); artifacts live under {@code HOME/spec-runs/artifacts/gcs/BUCKET/PATH}, where a Vertex
 * task sees {@code /gcs/BUCKET/PATH}, and cache entries under {@code HOME/spec-runs/cache/}.
 */
public final class SpecRun {
  /** The job record's file name in the job directory. */
  public static final String RECORD = "run.json";

  private static final DateTimeFormatter JOB_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  /** How a job ended. */
  public record Outcome(String job, boolean succeeded, Path directory) {}

  private final Spec spec;
  private final Map<String, JsonNode> parameters;

  private SpecRun(Spec spec, Map<String, JsonNode> parameters) {
    this.spec = spec;
    this.parameters = parameters;
  }

  /**
   * Reads and checks {@code file}; {@code overrides} set root parameters by name ({@code
   * train__num_factors}) or config key ({@code train.num_factors}), parsed by the parameter's type.
   *
   * @throws InvalidInputException one line naming the file and JSON path, or the override
   */
  public static SpecRun load(Path file, Map<String, String> overrides) {
    JsonNode json;
    try {
      json = Json.parse(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new InvalidInputException(
          "--spec " + file + ": cannot read it (" + e.getMessage() + ")", e);
    } catch (JsonInputException e) {
      throw new InvalidInputException(file + ": not JSON: " + e.getMessage(), e);
    }
    Spec spec = SpecParser.parse(json, file.toString());
    spec.executors()
        .forEach(
            (label, executor) -> {
              if (GcpEnvironment.isGcp(executor.env())) {
                throw SpecNode.document(json, file.toString())
                    .get("deploymentSpec")
                    .get("executors")
                    .get(label)
                    .get("container")
                    .get("env")
                    .problem(
                        "the spec was compiled for the gcp profile (its tasks would use the "
                            + "project's BigQuery, Cloud Storage and Cloud Run); run --spec runs "
                            + "local-profile specs: compile without a gcp section");
              }
            });
    spec.pipelineRoot()
        .filter(root -> !ArtifactRoot.mapped(root))
        .ifPresent(
            root -> {
              throw SpecNode.document(json, file.toString())
                  .get("defaultPipelineRoot")
                  .problem("expected a gs://, s3:// or minio:// root, found " + root);
            });
    Map<String, JsonNode> values = new LinkedHashMap<>();
    Map<String, ParameterSpec> root = spec.root().inputParameters();
    root.forEach((name, p) -> p.defaultValue().ifPresent(v -> values.put(name, v)));
    overrides.forEach(
        (key, text) -> {
          String name = key.replace(".", "__");
          ParameterSpec parameter = root.get(name);
          if (parameter == null) {
            throw new InvalidInputException(
                "--set "
                    + key
                    + ": the spec has no root parameter "
                    + name
                    + " (parameters: "
                    + new TreeMap<>(root).keySet()
                    + ")");
          }
          try {
            values.put(name, parameter.type().parse(text));
          } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                "--set "
                    + key
                    + "="
                    + text
                    + ": "
                    + parameter.type()
                    + " parameter "
                    + name
                    + ": "
                    + e.getMessage(),
                e);
          }
        });
    return new SpecRun(spec, values);
  }

  /** The pipeline's name ({@code pipelineInfo.name}). */
  public String pipelineName() {
    return spec.pipelineName();
  }

  /**
   * Runs one job under {@code home}, writing progress to {@code out}; with {@code cacheDisabled} no
   * task reuses or stores cached outputs (KFP's server-wide switch).
   */
  public Outcome run(Path home, boolean cacheDisabled, PrintStream out) {
    Path runs = home.resolve("spec-runs");
    ArtifactRoot artifacts = new ArtifactRoot(runs.resolve("artifacts").toAbsolutePath());
    Path directory;
    String name;
    try {
      Files.createDirectories(runs);
      String base = spec.pipelineName() + "-" + JOB_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
      name = base;
      for (int n = 2; Files.exists(runs.resolve(name)); n++) {
        name = base + "-" + n;
      }
      directory = Files.createDirectories(runs.resolve(name)).toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the job directory: " + e.getMessage(), e);
    }
    SpecJob job =
        new SpecJob(
            spec, name, directory, artifacts, new TaskCache(runs.resolve("cache"), artifacts), out);
    job.write(null);
    out.println("job " + name + " of pipeline " + spec.pipelineName() + " (" + directory + ")");
    TaskResult result =
        new DagRun(job, new TaskLauncher(job, cacheDisabled))
            .run(spec.root(), "", parameters, Map.of());
    job.write(result.state());
    out.println("job " + name + ": " + result.state());
    return new Outcome(name, result.state() == TaskState.SUCCEEDED, directory);
  }

  /**
   * The {@code run --spec} command: {@code data} (when given) sets {@code ingest.source}; a config
   * file or the gcp profile are refused, as they belong to {@code compile}. Returns the exit code:
   * 0 when the job succeeded, 1 when a task failed.
   */
  public static int command(
      Path file,
      Map<String, String> set,
      String data,
      boolean hasConfig,
      boolean gcpProfile,
      boolean cacheDisabled,
      Path home,
      PrintStream out) {
    if (hasConfig) {
      throw new InvalidInputException(
          "--config does not apply to --spec: the spec carries its values; compile with the "
              + "config, or set root parameters with --set");
    }
    if (gcpProfile) {
      throw new InvalidInputException(
          "--profile gcp does not apply to --spec: run --spec runs local-profile specs here; "
              + "submit a gcp spec to Vertex AI with recopipe submit");
    }
    Map<String, String> overrides = new LinkedHashMap<>(set);
    if (data != null) {
      overrides.put("ingest.source", data);
    }
    Outcome outcome = load(file, overrides).run(home, cacheDisabled, out);
    out.flush();
    return outcome.succeeded() ? 0 : 1;
  }
}
