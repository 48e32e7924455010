package io.recopipe.pipeline.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.metadata.RunRecord;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.testing.TestRunners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGKILLs a child runner at spread-out moments of a short run (ingest, train, gate, export,
 * commits and metadata writes in between) and checks that resuming always ends with the hashes of
 * an uninterrupted run.
 */
class KillAtAnyMomentIT {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(longs = {0, 40, 80, 140, 250, 380, 440, 480, 520, 560, 600, 650, 900})
  void resumeAfterAKillAtAnyMomentEndsWithTheSameHashes(long delayMillis) throws Exception {
    RunResult reference;
    try (LocalRunner runner =
        TestRunners.runner(RecopipeHome.at(dir.resolve("reference")), FakeWarehouse::new)) {
      reference =
          runner.run(
              new ToyPipeline().build(), KillAndResumeTest.PARAMETERS, KillAndResumeTest.quiet());
    }
    Path home = dir.resolve("killed");
    Path output = dir.resolve("child.log");
    Process child = KillAndResumeTest.startChild(home, dir.resolve("marker"), output, 300, 100);
    awaitRunStarted(child, output);
    Thread.sleep(delayMillis);
    child.destroyForcibly();
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));

    try (LocalRunner runner = TestRunners.runner(RecopipeHome.at(home), FakeWarehouse::new)) {
      List<RunRecord> runs = runner.history().listRuns();
      assertEquals(1, runs.size());
      RunRecord run = runs.get(0);
      Map<String, String> hashes;
      if (run.status() == RunStatus.SUCCEEDED) {
        hashes = KillAndResumeTest.hashes(rebuild(runner, run.id()));
      } else {
        RunResult resumed =
            runner.resume(new ToyPipeline().build(), run.id(), KillAndResumeTest.quiet());
        assertEquals(RunStatus.SUCCEEDED, resumed.status(), resumed.message());
        hashes = KillAndResumeTest.hashes(resumed);
      }
      assertEquals(KillAndResumeTest.hashes(reference), hashes);
    }
  }

  /** The hashes a finished run recorded, shaped like a run result. */
  private static RunResult rebuild(LocalRunner runner, String runId) {
    RunHistory.RunReport report = runner.history().show(runId).orElseThrow();
    List<StepResult> steps =
        report.executions().stream()
            .map(
                e -> {
                  Map<String, io.recopipe.pipeline.artifacts.StoredArtifact> outputs =
                      new java.util.TreeMap<>(e.outputs());
                  outputs.remove(StepExecutor.LOG_PORT);
                  return new StepResult(
                      e.execution().step(),
                      e.execution().status(),
                      e.execution().cacheHit(),
                      e.execution().cacheKey(),
                      e.execution().id(),
                      0,
                      outputs,
                      null);
                })
            .toList();
    return new RunResult(runId, report.run().status(), null, steps);
  }

  private static void awaitRunStarted(Process child, Path output) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(output) || !Files.readString(output).contains(" of pipeline ")) {
      if (!child.isAlive() || System.nanoTime() > deadline) {
        child.destroyForcibly();
        throw new AssertionError(
            "child never started its run: "
                + (Files.exists(output) ? Files.readString(output) : ""));
      }
      Thread.sleep(5);
    }
  }
}
