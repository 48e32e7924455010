package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    CliRunner.Result evaluate =
        component(
            "evaluate",
            "--input",
            "dataset=" + path("dataset"),
            "--input",
            "model=" + path("model"),
            "--output",
            "metrics=" + path("metrics"));
    assertEquals(ExitCodes.OK, evaluate.code(), evaluate.out() + evaluate.err());
    assertTrue(Files.isRegularFile(Path.of(path("metrics"), "metrics.json")));

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
}
