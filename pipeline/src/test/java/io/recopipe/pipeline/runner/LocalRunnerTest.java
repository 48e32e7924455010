package io.recopipe.pipeline.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.ComponentException;
import io.recopipe.pipeline.artifacts.StoredArtifact;
import io.recopipe.pipeline.artifacts.TreeHash;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.dsl.RetryPolicy;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.metadata.ExecutionStatus;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.testing.TestRunners;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRunnerTest {
  private static final List<String> STEPS = List.of("ingest", "train", "gate", "export");

  @TempDir Path dir;
  private final ByteArrayOutputStream progressBytes = new ByteArrayOutputStream();
  private final FakeWarehouse warehouse = new FakeWarehouse();
  private LocalRunner runner;
  private RunOptions options;

  @BeforeEach
  void open() {
    runner = TestRunners.runner(RecopipeHome.at(dir.resolve("home")), () -> warehouse);
    options = RunOptions.to(new PrintStream(progressBytes, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void close() {
    runner.close();
  }

  private String progress() {
    return progressBytes.toString(StandardCharsets.UTF_8);
  }

  private static List<Boolean> hits(RunResult result) {
    return result.steps().stream().map(StepResult::cacheHit).toList();
  }

  @Test
  void aRunRecordsRunsExecutionsArtifactsLineageMetricsAndLogs() throws IOException {
    RunResult result = runner.run(new ToyPipeline().build(), Map.of("ingest.rows", "12"), options);

    assertEquals(RunStatus.SUCCEEDED, result.status(), result.message());
    assertEquals(STEPS, result.steps().stream().map(StepResult::step).toList());
    assertEquals(List.of(false, false, false, false), hits(result));
    RunHistory.RunReport report = runner.history().show(result.runId()).orElseThrow();
    assertEquals(RunStatus.SUCCEEDED, report.run().status());
    assertEquals(
        Map.of(
            "ingest.rows",
            "12",
            "promotion.policy",
            "auto",
            "promotion.four_eyes",
            "true",
            "promotion.expires_after",
            "72h"),
        report.run().parameters(),
        "the given parameters and the effective promotion policy of the home");
    assertNotNull(report.run().endedAt());
    assertEquals(4, report.executions().size());
    RunHistory.ExecutionReport ingest = report.executions().get(0);
    assertEquals(Map.of("rows", 12.0), ingest.metrics());
    assertEquals(64, ingest.execution().cacheKey().length());
    assertEquals(1, ingest.execution().attempts());
    assertNotNull(ingest.execution().durationMs());
    StoredArtifact dataset = ingest.outputs().get("dataset");
    assertEquals(result.runId() + "/ingest/dataset", dataset.uri());
    assertEquals(TreeHash.of(runner.history().locate(dataset)).sha256(), dataset.sha256());
    RunHistory.ExecutionReport train = report.executions().get(1);
    assertEquals(dataset, train.inputs().get("dataset"), "lineage: train read ingest's dataset");
    assertTrue(train.metrics().containsKey("loss"));
    String log =
        FileStepLog.text(runner.history().locate(ingest.outputs().get("log")).resolve("step.log"));
    assertTrue(log.contains("wrote 12 rows"), log);
    assertTrue(
        report.executions().get(2).gateDecision().orElseThrow().contains("\"blessed\": true"));
    assertEquals(result.runId(), runner.history().listRuns().get(0).id());
    assertTrue(
        progress().contains("[train] cache key " + train.execution().cacheKey()), progress());
    assertTrue(progress().contains("[ingest] wrote 12 rows"), progress());
  }

  @Test
  void aSecondIdenticalRunHitsTheCacheForEveryStep() {
    ToyPipeline toy = new ToyPipeline();
    Pipeline pipeline = toy.build();
    RunResult first = runner.run(pipeline, Map.of(), options);
    RunResult second = runner.run(pipeline, Map.of(), options);

    assertEquals(RunStatus.SUCCEEDED, second.status(), second.message());
    assertEquals(List.of(true, true, true, true), hits(second));
    assertEquals(1, toy.train.runs.get(), "train ran once");
    assertEquals(1, toy.train.publishes.get(), "a hit republishes its tables");
    for (ToyComponent step : List.of(toy.ingest, toy.train, toy.gate, toy.export)) {
      assertEquals(
          1,
          step.prepares.get(),
          step.name()
              + ": the run that executed its steps "
              + "let each prepare once; the run whose steps all came from the cache, none");
    }
    for (String step : STEPS) {
      assertEquals(
          first.step(step).orElseThrow().cacheKey(), second.step(step).orElseThrow().cacheKey());
      assertEquals(
          first.step(step).orElseThrow().outputs(), second.step(step).orElseThrow().outputs());
    }
    RunHistory.RunReport report = runner.history().show(second.runId()).orElseThrow();
    assertTrue(report.executions().stream().allMatch(e -> e.execution().cacheHit()));
    assertEquals(Map.of("rows", 20.0), report.executions().get(0).metrics());
    assertTrue(report.executions().get(0).outputs().containsKey("log"));
  }

  @Test
  void noCacheForTheRunMisses() {
    Pipeline pipeline = new ToyPipeline().build();
    runner.run(pipeline, Map.of(), options);
    RunResult second = runner.run(pipeline, Map.of(), options.withoutCache());
    assertEquals(List.of(false, false, false, false), hits(second));
    assertTrue(progress().contains("cache off for this run"), progress());
  }

  @Test
  void cacheFalseOnAStepMissesThatStepOnly() {
    ToyPipeline toy = new ToyPipeline();
    Pipeline pipeline = toy.build(false, RetryPolicy.NONE);
    runner.run(pipeline, Map.of(), options);
    RunResult second = runner.run(pipeline, Map.of(), options);
    assertEquals(List.of(true, false, true, true), hits(second));
    assertEquals(2, toy.train.runs.get());
  }

  @Test
  void aChangedParameterMissesThatStepAndItsChangedDownstream() {
    Pipeline pipeline = new ToyPipeline().build();
    runner.run(pipeline, Map.of("train.num_factors", "2"), options);
    RunResult second = runner.run(pipeline, Map.of("train.num_factors", "3"), options);
    assertEquals(List.of(true, false, false, false), hits(second));
    RunResult global = runner.run(pipeline, Map.of("train.num_factors", "3", "seed", "7"), options);
    assertEquals(List.of(false, false, false, false), hits(global), "globals reach every step");
  }

  @Test
  void aDeletedOrTamperedArtifactIsAMiss() throws IOException {
    Pipeline pipeline = new ToyPipeline().build();
    RunResult first = runner.run(pipeline, Map.of(), options);
    Path model = runner.history().locate(first.step("train").orElseThrow().outputs().get("model"));
    Files.writeString(model.resolve("model.txt"), "tampered");
    RunResult second = runner.run(pipeline, Map.of(), options);
    assertEquals(List.of(true, false, true, true), hits(second));

    Path dataset =
        runner.history().locate(second.step("ingest").orElseThrow().outputs().get("dataset"));
    try (var files = Files.list(dataset)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dataset);
    RunResult third = runner.run(pipeline, Map.of(), options);
    assertFalse(third.step("ingest").orElseThrow().cacheHit());
    assertEquals(RunStatus.SUCCEEDED, third.status());
  }

  @Test
  void anUnblessedGateEndsTheRunGatedAndSkipsDownstream() {
    ToyPipeline toy = new ToyPipeline();
    RunResult result = runner.run(toy.build(), Map.of("gate.blessed", "false"), options);
    assertEquals(RunStatus.GATED, result.status());
    assertTrue(result.message().contains("step gate did not bless"), result.message());
    StepResult export = result.step("export").orElseThrow();
    assertEquals(ExecutionStatus.SKIPPED, export.status());
    assertEquals(0, toy.export.runs.get());
    RunHistory.RunReport report = runner.history().show(result.runId()).orElseThrow();
    assertEquals(RunStatus.GATED, report.run().status());
    assertTrue(report.executions().get(2).gateDecision().orElseThrow().contains("false"));
    assertEquals(ExecutionStatus.SKIPPED, report.executions().get(3).execution().status());
  }

  @Test
  void aComponentExceptionFailsTheRunWithItsMessageAndNoRetry() {
    AtomicInteger calls = new AtomicInteger();
    ToyPipeline toy =
        new ToyPipeline(
            c -> {
              calls.incrementAndGet();
              throw new ComponentException("ratings.tsv line 3: rating 9 is outside 1..5");
            });
    RunResult result = runner.run(toy.build(), Map.of(), options);
    assertEquals(RunStatus.FAILED, result.status());
    assertEquals("ratings.tsv line 3: rating 9 is outside 1..5", result.message());
    assertEquals(1, calls.get(), "never retried");
    RunHistory.RunReport report = runner.history().show(result.runId()).orElseThrow();
    assertEquals("ratings.tsv line 3: rating 9 is outside 1..5", report.run().message());
    assertEquals(ExecutionStatus.FAILED, report.executions().get(1).execution().status());
    assertTrue(report.executions().get(1).outputs().containsKey("log"), "failed steps keep logs");
    assertEquals(2, report.executions().size(), "nothing after the failure ran");
  }

  @Test
  void aFlakyStepSucceedsOnRetryWithBackoff() {
    AtomicInteger calls = new AtomicInteger();
    ToyPipeline toy =
        new ToyPipeline(
            c -> {
              if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("connection reset");
              }
              ToyPipeline.train(c, 0, null);
            });
    long start = System.nanoTime();
    RunResult result =
        runner.run(
            toy.build(true, RetryPolicy.of(3, Duration.ofMillis(20), 2.0)), Map.of(), options);
    assertEquals(RunStatus.SUCCEEDED, result.status(), result.message());
    assertTrue(System.nanoTime() - start >= 60_000_000L, "waited 20 ms then 40 ms");
    RunHistory.RunReport report = runner.history().show(result.runId()).orElseThrow();
    assertEquals(3, report.executions().get(1).execution().attempts());
    assertTrue(progress().contains("retrying in 40 ms"), progress());
  }

  @Test
  void aRetriedFailureKeepsItsStackTraceAndCauseInTheStepLog() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    ToyPipeline toy =
        new ToyPipeline(
            c -> {
              if (calls.incrementAndGet() < 2) {
                throw new IllegalStateException(
                    "connection reset", new java.net.SocketException("peer gone"));
              }
              ToyPipeline.train(c, 0, null);
            });
    RunResult result =
        runner.run(
            toy.build(true, RetryPolicy.of(2, Duration.ofMillis(1), 1.0)), Map.of(), options);
    assertEquals(RunStatus.SUCCEEDED, result.status(), result.message());
    RunHistory.ExecutionReport train =
        runner.history().show(result.runId()).orElseThrow().executions().get(1);
    String log =
        FileStepLog.text(runner.history().locate(train.outputs().get("log")).resolve("step.log"));
    assertTrue(
        log.contains(
            "attempt 1 failed: java.lang.IllegalStateException: connection reset"
                + System.lineSeparator()
                + "java.lang.IllegalStateException: connection reset"),
        log);
    assertTrue(log.contains("\tat io.recopipe.pipeline.runner."), log);
    assertTrue(log.contains("Caused by: java.net.SocketException: peer gone"), log);
    assertTrue(
        progress()
            .contains(
                "[train] attempt 1 failed: java.lang.IllegalStateException: " + "connection reset"),
        progress());
    assertFalse(progress().contains("\tat "), "the terminal shows no stack trace");
  }

  @Test
  void exhaustedRetriesFailWithTheStepClassAndMessage() {
    ToyPipeline toy =
        new ToyPipeline(
            c -> {
              throw new IllegalStateException("disk on fire");
            });
    RunResult result =
        runner.run(
            toy.build(true, RetryPolicy.of(2, Duration.ofMillis(1), 1.0)), Map.of(), options);
    assertEquals(RunStatus.FAILED, result.status());
    assertEquals(
        "step train failed: java.lang.IllegalStateException: disk on fire", result.message());
  }

  @Test
  void resumeContinuesFromTheFailedStepAndReusesEarlierOutputs() throws IOException {
    Path failMarker = Files.createFile(dir.resolve("fail-train"));
    ToyPipeline toy =
        new ToyPipeline(
            c -> {
              if (Files.exists(failMarker)) {
                throw new IllegalStateException("marker present");
              }
              ToyPipeline.train(c, 0, null);
            });
    Pipeline pipeline = toy.build(true, RetryPolicy.NONE);
    RunResult failed = runner.run(pipeline, Map.of("ingest.rows", "9"), options);
    assertEquals(RunStatus.FAILED, failed.status());
    assertEquals(1, toy.ingest.runs.get());

    Files.delete(failMarker);
    RunResult resumed = runner.resume(pipeline, failed.runId(), options.withoutCache());
    assertEquals(RunStatus.SUCCEEDED, resumed.status(), resumed.message());
    assertEquals(failed.runId(), resumed.runId());
    assertEquals(1, toy.ingest.runs.get(), "ingest reused, not rerun");
    assertEquals(2, toy.train.runs.get());
    assertEquals(
        failed.step("ingest").orElseThrow().outputs(),
        resumed.step("ingest").orElseThrow().outputs());
    assertTrue(resumed.step("ingest").orElseThrow().message().startsWith("already done"));
    assertEquals(
        RunStatus.SUCCEEDED, runner.history().show(failed.runId()).orElseThrow().run().status());
    IllegalStateException again =
        assertThrows(
            IllegalStateException.class, () -> runner.resume(pipeline, failed.runId(), options));
    assertTrue(again.getMessage().contains("nothing to resume"), again.getMessage());
  }

  @Test
  void theChampionIsTheLastSuccessfulExport() throws IOException {
    Pipeline pipeline = new ToyPipeline().build();
    RunResult first = runner.run(pipeline, Map.of(), options);
    RunResult second = runner.run(pipeline, Map.of("train.num_factors", "5"), options);
    Path firstExport =
        runner.history().locate(first.step("export").orElseThrow().outputs().get("model"));
    Path secondExport =
        runner.history().locate(second.step("export").orElseThrow().outputs().get("model"));
    assertEquals("first\n", Files.readString(firstExport.resolve("champion.txt")));
    assertEquals("had a champion\n", Files.readString(secondExport.resolve("champion.txt")));
    assertNotEquals(
        first.step("export").orElseThrow().cacheKey(),
        second.step("export").orElseThrow().cacheKey());
  }

  @Test
  void theWarehouseIsOpenedOnlyWhenAStepAsksAndClosedAfterTheRun() {
    AtomicInteger opened = new AtomicInteger();
    ToyPipeline toy =
        new ToyPipeline(
            c -> {
              c.warehouse().replaceTable("training_info", List.of(), List.of());
              ToyPipeline.train(c, 0, null);
            });
    try (LocalRunner counting =
        TestRunners.runner(
            RecopipeHome.at(dir.resolve("h2")),
            () -> {
              opened.incrementAndGet();
              return warehouse;
            })) {
      RunResult result = counting.run(toy.build(), Map.of(), options);
      assertEquals(RunStatus.SUCCEEDED, result.status(), result.message());
    }
    assertEquals(1, opened.get());
    assertTrue(warehouse.tables.containsKey("training_info"));
    assertTrue(warehouse.closed);
  }

  @Test
  void twoHomesNeverShareRunsOrCache() {
    Pipeline pipeline = new ToyPipeline().build();
    runner.run(pipeline, Map.of(), options);
    try (LocalRunner other =
        TestRunners.runner(RecopipeHome.at(dir.resolve("other")), () -> warehouse)) {
      RunResult result = other.run(pipeline, Map.of(), options);
      assertEquals(List.of(false, false, false, false), hits(result));
      assertEquals(1, other.history().listRuns().size());
    }
  }

  @Test
  void aRolledBackDeployEndsTheRunRolledBackNotFailed() {
    ToyComponent deploy =
        new ToyComponent(
            "deploy",
            List.of(),
            List.of(
                io.recopipe.components.api.Port.of(
                    "endpoint", io.recopipe.components.api.ArtifactType.ENDPOINT)),
            context -> {
              throw new io.recopipe.components.api.RolledBackException(
                  "deploy: smoke test failed for user 7");
            });
    Pipeline pipeline = Pipeline.builder("rollback").step("deploy", deploy).build();
    RunResult result = runner.run(pipeline, Map.of(), options);
    assertEquals(RunStatus.ROLLED_BACK, result.status(), result.message());
    assertEquals("deploy: smoke test failed for user 7", result.message());
    assertEquals(
        RunStatus.ROLLED_BACK, runner.history().show(result.runId()).orElseThrow().run().status());
    assertEquals(1, deploy.runs.get(), "a rollback is never retried");
  }
}
