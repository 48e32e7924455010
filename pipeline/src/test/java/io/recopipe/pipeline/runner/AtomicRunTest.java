package io.recopipe.pipeline.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.warehouse.DuckDbWarehouse;
import io.recopipe.pipeline.config.ConfigValidator;
import io.recopipe.pipeline.config.PipelineConfig;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.SqliteModelRegistry;
import io.recopipe.pipeline.registry.VersionStatus;
import io.recopipe.pipeline.testing.FastConfig;
import io.recopipe.pipeline.testing.TestRunners;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs commit atomically, on a real home (DuckDB warehouse, SQLite metadata) with the shipped
 * pipeline on synthetic data: a run that fails in any step, or is gated, leaves every published
 * table, registry row, alias and audit entry exactly as before, and drops what it staged; its
 * resume commits everything; an identical rerun changes nothing.
 */
class AtomicRunTest {
  static final String NAME = MovieLensMfPipeline.NAME;

  /** A candidate that differs from the baseline (a different model, new table contents). */
  static final Map<String, String> CANDIDATE = Map.of("train.max_iterations", "6");

  @TempDir Path dir;

  RecopipeHome home;
  LocalRunner runner;
  ModelRegistry registry;
  final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  @BeforeEach
  void open() {
    home = RecopipeHome.at(dir.resolve("home"));
    runner = newRunner(home);
    registry = SqliteModelRegistry.open(home.metadataDb());
  }

  @AfterEach
  void close() {
    registry.close();
    runner.close();
  }

  static LocalRunner newRunner(RecopipeHome home) {
    return TestRunners.duckDbRunner(home);
  }

  /** The fast config with {@code overrides}, as the CLI would validate it. */
  static Map<String, String> parameters(Map<String, String> overrides) {
    return new ConfigValidator(MovieLensMfPipeline.definition())
        .validate(
            PipelineConfig.defaults()
                .over(PipelineConfig.parse("test", FastConfig.YAML))
                .with(overrides),
            false)
        .values();
  }

  RunOptions options() {
    return new RunOptions(false, new PrintStream(progress, true, StandardCharsets.UTF_8));
  }

  RunResult run(Pipeline pipeline, Map<String, String> overrides) {
    return runner.run(pipeline, parameters(overrides), options());
  }

  RunResult baseline() {
    RunResult first = run(MovieLensMfPipeline.definition(), Map.of());
    assertEquals(RunStatus.SUCCEEDED, first.status(), first.message());
    return first;
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest", "train", "evaluate", "export", "package", "deploy"})
  void aRunFailingInAnyStepChangesNothingAndItsResumeCommitsEverything(String step)
      throws Exception {
    baseline();
    HomeSnapshot before = HomeSnapshot.of(home);
    assertTrue(
        before
            .tables()
            .keySet()
            .containsAll(
                java.util.List.of(
                    "ratings",
                    "train",
                    "eval",
                    "training_info",
                    "evaluation",
                    "weights",
                    "recommendations")),
        before.tables().keySet().toString());

    Path marker = Files.createFile(dir.resolve("fail"));
    Pipeline failing = InjectedFailure.shippedFailingAt(step, marker);
    RunResult failed = run(failing, CANDIDATE);
    assertEquals(
        step.equals("deploy") ? RunStatus.ROLLED_BACK : RunStatus.FAILED,
        failed.status(),
        failed.message());
    assertTrue(failed.message().contains(step + ": injected failure"), failed.message());
    HomeSnapshot after = HomeSnapshot.of(home);
    assertEquals(
        java.util.List.of(),
        before.differences(after),
        "a run failing in " + step + " must change nothing");
    assertTrue(after.staged().isEmpty(), after.staged().toString());

    Files.delete(marker);
    RunResult resumed = runner.resume(failing, failed.runId(), options());
    assertEquals(RunStatus.SUCCEEDED, resumed.status(), resumed.message());
    HomeSnapshot committed = HomeSnapshot.of(home);
    assertNotEquals(
        before.tables().get("training_info"),
        committed.tables().get("training_info"),
        "the resumed run's tables are published");
    assertEquals(before.tables().get("ratings"), committed.tables().get("ratings"));
    assertEquals(2, committed.rows("model_versions"));
    assertEquals(2, registry.alias(NAME, ModelRegistry.CHAMPION).orElseThrow().version());
    assertEquals(failed.runId(), registry.find(NAME, 2).orElseThrow().runId());
    assertTrue(committed.staged().isEmpty(), committed.staged().toString());
  }

  @Test
  void aGatedRunChangesNothing() throws Exception {
    baseline();
    HomeSnapshot before = HomeSnapshot.of(home);
    RunResult gated =
        run(
            MovieLensMfPipeline.definition(),
            Map.of("gate.r2_min", "0.99", "train.max_iterations", "6"));
    assertEquals(RunStatus.GATED, gated.status(), gated.message());
    assertEquals(java.util.List.of(), before.differences(HomeSnapshot.of(home)));
  }

  @Test
  void theFirstRunFailingLeavesAnEmptyWarehouseAndRegistry() throws Exception {
    Path marker = Files.createFile(dir.resolve("fail"));
    RunResult failed = run(InjectedFailure.shippedFailingAt("export", marker), Map.of());
    assertEquals(RunStatus.FAILED, failed.status(), failed.message());
    HomeSnapshot after = HomeSnapshot.of(home);
    assertTrue(after.tables().isEmpty(), after.tables().keySet().toString());
    assertEquals(0, after.rows("model_versions"));
    assertEquals(0, after.rows("audit_log"));
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(home.warehouseDb())) {
      assertTrue(warehouse.query("SHOW TABLES").rows().isEmpty());
    }
  }

  @Test
  void anIdenticalRerunRegistersNothingAndChangesNothing() throws Exception {
    baseline();
    HomeSnapshot before = HomeSnapshot.of(home);
    assertEquals(
        VersionStatus.PROMOTED,
        registry.find(NAME, 1).orElseThrow().status(),
        "deploy is off: champion, not served");
    progress.reset();
    RunResult again = run(MovieLensMfPipeline.definition(), Map.of());
    assertEquals(RunStatus.SUCCEEDED, again.status(), again.message());
    assertTrue(
        progress.toString(StandardCharsets.UTF_8).contains(NAME + " v1 unchanged, champion"),
        progress.toString(StandardCharsets.UTF_8));
    assertEquals(java.util.List.of(), before.differences(HomeSnapshot.of(home)));
  }

  @Test
  void resumeKeepsTheRunsNoCache() throws Exception {
    baseline();
    Path marker = Files.createFile(dir.resolve("fail"));
    Pipeline failing = InjectedFailure.shippedFailingAt("train", marker);
    RunResult failed = runner.run(failing, parameters(Map.of()), options().withoutCache());
    assertEquals(RunStatus.FAILED, failed.status(), failed.message());
    assertTrue(runner.findRun(failed.runId()).orElseThrow().noCache());
    Files.delete(marker);

    RunResult resumed = runner.resume(failing, failed.runId(), options());
    assertEquals(RunStatus.SUCCEEDED, resumed.status(), resumed.message());
    assertFalse(resumed.step("train").orElseThrow().cacheHit(), "train came from the cache");
    assertTrue(
        progress.toString(StandardCharsets.UTF_8).contains("[train] cache off for this" + " run"),
        progress.toString(StandardCharsets.UTF_8));

    RunResult cached = run(MovieLensMfPipeline.definition(), Map.of());
    assertTrue(
        cached.step("train").orElseThrow().cacheHit(),
        "control: with the cache on the same step is a hit");
  }

  @Test
  void theNextRunDropsTheStagedTablesOfRunsThatCanNoLongerCommit() throws Exception {
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(home.warehouseDb())) {
      warehouse.staged("r20200101_000000_dead00").replaceTableAs("ratings", "SELECT 1 AS x");
    }
    baseline();
    HomeSnapshot after = HomeSnapshot.of(home);
    assertEquals(java.util.List.of(), after.staged());
    assertTrue(after.tables().get("ratings").length() > 1000, "the run's own ratings");
  }
}
