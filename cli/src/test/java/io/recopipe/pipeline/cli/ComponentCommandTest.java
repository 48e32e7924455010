package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recopipe.components.warehouse.DuckDbWarehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ingest → tune → train → evaluate → gate as five separate {@code recopipe component} processes
 * would run them on Vertex: each step reads the previous step's files and writes its own, and the
 * gate writes {@code blessed} to the output-parameter file.
 */
class ComponentCommandTest {
  @TempDir Path dir;

  private CliRunner.Result component(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "component";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--work-dir";
    all[args.length + 2] = dir.resolve("work-" + args[0]).toString();
    return CliRunner.run(all);
  }

  private String path(String name) {
    return dir.resolve("artifacts").resolve(name).toString();
  }

  @Test
  void runsTheFirstFiveStepsOnRealFiles() throws IOException {
    CliRunner.Result ingest =
        component(
            "ingest",
            "--output",
            "dataset=" + path("dataset"),
            "--param",
            "source=preset:ml-100k",
            "--param",
            "eval_fraction=0.1");
    assertEquals(ExitCodes.OK, ingest.code(), ingest.out() + ingest.err());
    assertTrue(Files.list(Path.of(path("dataset"))).findAny().isPresent(), "dataset written");

    CliRunner.Result tune =
        component(
            "tune",
            "--input",
            "dataset=" + path("dataset"),
            "--output",
            "tuning=" + path("tuning"));
    assertEquals(ExitCodes.OK, tune.code(), tune.out() + tune.err());

    CliRunner.Result train =
        component(
            "train",
            "--run-id",
            "movielens-mf-20261122-184320",
            "--input",
            "dataset=" + path("dataset"),
            "--input",
            "tuning=" + path("tuning"),
            "--output",
            "model=" + path("model"),
            "--param",
            "method=als",
            "--param",
            "num_factors=8",
            "--param",
            "l2_reg=2.0",
            "--param",
            "l2_reg_mode=weighted",
            "--param",
            "l2_reg_exponent=0.4",
            "--param",
            "max_iterations=5",
            "--param",
            "early_stop=false");
    assertEquals(ExitCodes.OK, train.code(), train.out() + train.err());
    assertTrue(train.out().contains("[train] "), train.out());

    // the executor input KFP's launcher passes for {{$}}: the metrics artifact and the output file
    Path executorOutput = dir.resolve("evaluate").resolve("executor_output.json");
    String executorInput =
        "{\"inputs\":{},\"outputs\":{\"artifacts\":{\"metrics\":{\"artifacts\":[{\"name\":"
            + "\"projects/p/metadataStores/default/artifacts/1\",\"type\":{\"schemaTitle\":"
            + "\"system.Metrics\",\"schemaVersion\":\"0.0.1\"},\"uri\":\"gs://root/evaluate/metrics\"}]}},"
            + "\"outputFile\":"
            + new ObjectMapper().writeValueAsString(executorOutput.toString())
            + "}}";
    CliRunner.Result evaluate =
        component(
            "evaluate",
            "--input",
            "dataset=" + path("dataset"),
            "--input",
            "model=" + path("model"),
            "--output",
            "metrics=" + path("metrics"),
            "--executor-input",
            executorInput);
    assertEquals(ExitCodes.OK, evaluate.code(), evaluate.out() + evaluate.err());
    assertTrue(Files.isRegularFile(Path.of(path("metrics"), "metrics.json")));
    // as KFP's Python executor writes Metrics.log_metric values: the artifact's metadata
    JsonNode metrics =
        new ObjectMapper()
            .readTree(executorOutput.toFile())
            .path("artifacts")
            .path("metrics")
            .path("artifacts")
            .path(0);
    assertEquals("gs://root/evaluate/metrics", metrics.path("uri").asText(), metrics.toString());
    assertEquals("projects/p/metadataStores/default/artifacts/1", metrics.path("name").asText());
    assertTrue(metrics.path("metadata").path("r2_score").isNumber(), metrics.toString());
    assertTrue(
        metrics.path("metadata").path("root_mean_squared_error").doubleValue() > 0,
        metrics.toString());

    Path blessedFile = dir.resolve("outputs").resolve("gate").resolve("blessed");
    CliRunner.Result gate =
        component(
            "gate",
            "--input",
            "metrics=" + path("metrics"),
            "--input",
            "dataset=" + path("dataset"),
            "--input",
            "model=" + path("model"),
            "--output",
            "decision=" + path("decision"),
            "--param",
            "r2_min=0.1",
            "--output-parameter",
            "blessed=" + blessedFile);
    assertEquals(ExitCodes.OK, gate.code(), gate.out() + gate.err());
    JsonNode decision =
        new ObjectMapper().readTree(Path.of(path("decision"), "decision.json").toFile());
    assertTrue(decision.path("blessed").asBoolean(), decision.toString());
    assertEquals("true", Files.readString(blessedFile));
    assertTrue(gate.out().contains("[gate] metric blessed = 1.0"), gate.out());
  }

  @Test
  void gateThatRefusesWritesFalse() throws IOException {
    Path metrics = dir.resolve("metrics");
    Files.createDirectories(metrics);
    Files.writeString(
        metrics.resolve("metrics.json"), "{\"rmse\": 3.0, \"r2\": -0.5, " + "\"mae\": 2.5}");
    Path blessedFile = dir.resolve("blessed");
    Path dataset = Files.createDirectories(dir.resolve("dataset"));
    Path model = Files.createDirectories(dir.resolve("model"));
    CliRunner.Result gate =
        component(
            "gate",
            "--input",
            "metrics=" + metrics,
            "--input",
            "dataset=" + dataset,
            "--input",
            "model=" + model,
            "--output",
            "decision=" + dir.resolve("decision"),
            "--param",
            "r2_min=0.1",
            "--output-parameter",
            "blessed=" + blessedFile);
    assertEquals(ExitCodes.OK, gate.code(), gate.out() + gate.err());
    assertEquals("false", Files.readString(blessedFile));
  }

  @Test
  void wrongPortsAreBadInputNamingThePorts() {
    CliRunner.Result result =
        component(
            "train", "--input", "data=" + path("dataset"), "--output", "model=" + path("model"));
    assertEquals(ExitCodes.BAD_INPUT, result.code());
    assertEquals(
        "recopipe: error: step train: --input ports [data] do not match the step's "
            + "[dataset, tuning]",
        result.err().strip());
    assertFalse(Files.exists(Path.of(path("model"))), "nothing written before the check");
  }

  @Test
  void unknownStepAndOutputParameterAreBadInput() {
    CliRunner.Result step = component("explain", "--output", "x=" + path("x"));
    assertEquals(ExitCodes.BAD_INPUT, step.code());
    assertTrue(step.err().contains("no step explain in pipeline movielens-mf"), step.err());
    CliRunner.Result parameter =
        component(
            "evaluate",
            "--input",
            "dataset=" + path("d"),
            "--input",
            "model=" + path("m"),
            "--output",
            "metrics=" + path("metrics"),
            "--output-parameter",
            "blessed=" + path("b"));
    assertEquals(ExitCodes.BAD_INPUT, parameter.code());
    assertTrue(
        parameter.err().contains("step evaluate: no output parameter blessed (known: [])"),
        parameter.err());
  }

  private CliRunner.Result commit(Path work, String state) {
    return CliRunner.run(
        "component",
        "--commit",
        "--run-id",
        "movielens-mf-20261203-070000",
        "--executor-input",
        "{\"inputs\":{\"parameterValues\":{\"pipeline_job_name\":\"movielens-mf-20261203-070000\","
            + "\"status\":{\"state\":\""
            + state
            + "\",\"pipelineTaskName\":\"exit-handler-1\"}}},\"outputs\":{}}",
        "--work-dir",
        work.toString());
  }

  private CliRunner.Result ingestInto(Path work, String dataset) {
    return CliRunner.run(
        "component",
        "ingest",
        "--run-id",
        "movielens-mf-20261203-070000",
        "--output",
        "dataset=" + dir.resolve(dataset),
        "--param",
        "source=preset:ml-100k",
        "--work-dir",
        work.toString());
  }

  /**
   * The exit task publishes the job's staged tables when the exit handler SUCCEEDED, and drops them
   * when it FAILED; a step's tables are never visible before.
   */
  @Test
  void theExitTaskPublishesOnSuccessAndDropsOnFailure() throws Exception {
    Path work = dir.resolve("shared");
    CliRunner.Result ingest = ingestInto(work, "first");
    assertEquals(ExitCodes.OK, ingest.code(), ingest.out() + ingest.err());
    assertEquals(List.of("rmovielens_mf_20261203_070000"), stagedKeys(work));
    assertFalse(hasTable(work, "ratings"), "nothing is published before the commit");

    CliRunner.Result failed = commit(work, "FAILED");
    assertEquals(ExitCodes.OK, failed.code(), failed.out() + failed.err());
    assertTrue(failed.out().contains("nothing is published"), failed.out());
    assertEquals(List.of(), stagedKeys(work));
    assertFalse(hasTable(work, "ratings"));

    ingest = ingestInto(work, "second");
    assertEquals(ExitCodes.OK, ingest.code(), ingest.out() + ingest.err());
    CliRunner.Result succeeded = commit(work, "SUCCEEDED");
    assertEquals(ExitCodes.OK, succeeded.code(), succeeded.out() + succeeded.err());
    assertTrue(succeeded.out().contains("[commit] published tables"), succeeded.out());
    assertTrue(hasTable(work, "ratings"));
    assertEquals(List.of(), stagedKeys(work));
  }

  @Test
  void theExitTaskNeedsTheExecutorInput() {
    CliRunner.Result result = CliRunner.run("component", "--commit", "--run-id", "j");
    assertEquals(ExitCodes.BAD_INPUT, result.code(), result.out() + result.err());
    assertTrue(result.err().contains("--commit needs --executor-input"), result.err());
  }

  private static List<String> stagedKeys(Path work) throws Exception {
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(work.resolve("warehouse.duckdb"))) {
      return warehouse.stagedKeys();
    }
  }

  private static boolean hasTable(Path work, String table) throws Exception {
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(work.resolve("warehouse.duckdb"))) {
      return warehouse.hasTable(table);
    }
  }
}
