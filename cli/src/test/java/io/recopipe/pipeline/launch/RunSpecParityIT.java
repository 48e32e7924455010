package io.recopipe.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.model.io.Json;
import io.recopipe.pipeline.testing.FastConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in pipeline compiled for Vertex AI (local profile) and run with {@code run --spec}
 * gives the same model (factor and id files byte for byte), the same ML.EVALUATE metrics and the
 * same gate decision as {@code recopipe run} on the same seeded synthetic data; every command runs
 * as a child process, as a user would run it.
 */
class RunSpecParityIT {
  private static final String MAIN = "io.recopipe.pipeline.cli.Main";
  private static final String STEPS = "exit-handler-1.";
  private static final String IMAGE = "example.com/recopipe-pipeline@sha256:" + "0".repeat(64);
  private static final Pattern OUTPUT =
      Pattern.compile("^\\s+output (\\w+): \\w+ (\\S+) \\(\\d+ bytes, sha256 (\\w+)\\)$");

  @TempDir Path dir;

  private record Child(int code, String out) {}

  private Child recopipe(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules",
                "jdk.incubator.vector",
                "-cp",
                System.getProperty("java.class.path"),
                MAIN));
    command.addAll(List.of(args));
    Path log = Files.createTempFile(dir, "child", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    // as the recopipe launcher script does: the package step finds the serving dist here
    Path dist = Path.of("").toAbsolutePath().getParent().resolve("serving/target/dist");
    builder.environment().putIfAbsent("RECOPIPE_SERVING_DIST", dist.toString());
    Process process = builder.start();
    if (!process.waitFor(15, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("recopipe " + String.join(" ", args) + " did not end");
    }
    return new Child(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  @Test
  void theCompiledSpecRunsToTheSameModelMetricsAndDecision() throws Exception {
    Path config = dir.resolve("fast.yaml");
    Files.writeString(config, FastConfig.YAML);
    Path spec = dir.resolve("spec.json");
    Path specHome = dir.resolve("spec-home");
    Path runHome = dir.resolve("run-home");
    Child compiled =
        recopipe(
            "compile",
            "--target",
            "vertex",
            "-o",
            spec.toString(),
            "--config",
            config.toString(),
            "--image",
            IMAGE,
            "--home",
            specHome.toString());
    assertEquals(0, compiled.code(), compiled.out());

    Child viaSpec = recopipe("run", "--spec", spec.toString(), "--home", specHome.toString());
    assertEquals(0, viaSpec.code(), viaSpec.out());
    Child direct = recopipe("run", "--config", config.toString(), "--home", runHome.toString());
    assertEquals(0, direct.code(), direct.out());

    JsonNode record = record(specHome);
    assertEquals("SUCCEEDED", record.path("state").asText(), record.toString());
    JsonNode tasks = record.path("tasks");
    // Tasks are recorded by their path through the sub-DAGs, as KFP names them: every step sits in
    // the exit handler's DAG, the blessed steps in condition-1, hybrid (off by default) in
    // condition-2, and the exit task commit at the root.
    assertEquals(
        true,
        tasks.path(STEPS + "gate").path("parameters").path("blessed").asBoolean(false),
        tasks.toString());
    assertEquals("SUCCEEDED", tasks.path(STEPS + "condition-1").path("state").asText());
    assertEquals("NOT_TRIGGERED", tasks.path(STEPS + "condition-2").path("state").asText());
    assertEquals("SUCCEEDED", tasks.path("commit").path("state").asText());
    Map<String, Path> local = outputs(runHome);
    Path specModel =
        Path.of(tasks.path(STEPS + "train").path("artifacts").path("model").path("path").asText());
    assertEquals(dataFiles(local.get("train.model")), dataFiles(specModel));
    for (String file : List.of("user_factors.f32", "item_factors.f32", "users.ids", "items.ids")) {
      assertTrue(
          java.util.Arrays.equals(
              Files.readAllBytes(local.get("train.model").resolve(file)),
              Files.readAllBytes(specModel.resolve(file))),
          file);
    }
    assertEquals(
        Files.readString(local.get("evaluate.metrics").resolve("metrics.json")),
        Files.readString(artifact(tasks, STEPS + "evaluate", "metrics").resolve("metrics.json")));
    assertEquals(
        Files.readString(local.get("gate.decision").resolve("decision.json")),
        Files.readString(artifact(tasks, STEPS + "gate", "decision").resolve("decision.json")));
  }

  @Test
  void aBadSpecExitsTwoWithOneLineAndRecordsNothing() throws Exception {
    Path spec = dir.resolve("bad.json");
    Files.writeString(
        spec,
        "{\"pipelineInfo\": {\"name\": \"p\"}, \"root\": {\"dag\": {\"tasks\": {\"a\": "
            + "{\"componentRef\": {\"name\": \"comp-missing\"}}}}}}");
    Path home = dir.resolve("home");
    Child bad = recopipe("run", "--spec", spec.toString(), "--home", home.toString());
    assertEquals(2, bad.code(), bad.out());
    String error =
        bad.out().lines().filter(l -> !l.startsWith("WARNING")).reduce("", (a, b) -> a + b + "\n");
    assertEquals(
        "recopipe: error: "
            + spec
            + ": root.dag.tasks.a.componentRef.name: no component comp-missing in components"
            + " (run --spec)\n",
        error);
    assertFalse(Files.exists(home), "nothing is recorded for a bad spec");
  }

  private static JsonNode record(Path home) throws IOException {
    try (var jobs = Files.list(home.resolve("spec-runs"))) {
      Path job =
          jobs.filter(p -> Files.exists(p.resolve(SpecRun.RECORD)))
              .sorted()
              .findFirst()
              .orElseThrow();
      return Json.parse(Files.readAllBytes(job.resolve(SpecRun.RECORD)));
    }
  }

  private static Path artifact(JsonNode tasks, String task, String name) {
    return Path.of(tasks.path(task).path("artifacts").path(name).path("path").asText());
  }

  private static String dataFiles(Path bundle) throws IOException {
    String manifest = Files.readString(bundle.resolve("manifest.json"));
    return manifest.substring(manifest.indexOf("\"files\""));
  }

  /** Each output of the home's one run, {@code step.port} → path, from {@code runs show}. */
  private Map<String, Path> outputs(Path home) throws Exception {
    Child list = recopipe("runs", "list", "--home", home.toString());
    String runId =
        list.out()
            .lines()
            .filter(l -> !l.startsWith("WARNING"))
            .skip(2)
            .findFirst()
            .orElseThrow()
            .split(" ")[0];
    Child show = recopipe("runs", "show", runId, "--home", home.toString());
    Map<String, Path> outputs = new TreeMap<>();
    String step = null;
    for (String line : show.out().lines().toList()) {
      if (line.startsWith("step ")) {
        step = line.split(" ")[1];
      }
      Matcher m = OUTPUT.matcher(line);
      if (m.matches()) {
        outputs.put(step + "." + m.group(1), Path.of(m.group(2)));
      }
    }
    return outputs;
  }
}
