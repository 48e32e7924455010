package io.recopipe.pipeline.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.artifacts.ArtifactStore;
import io.recopipe.pipeline.artifacts.StoredArtifact;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.metadata.ExecutionStatus;
import io.recopipe.pipeline.metadata.RunRecord;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.testing.TestRunners;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real child JVM with SIGKILL while its train step runs, resumes the run in this JVM and
 * checks that it ends with the same artifact hashes as an uninterrupted run in another home.
 */
class KillAndResumeTest {
  static final Map<String, String> PARAMETERS =
      Map.of("ingest.rows", "40", "train.num_factors", "4");

  @TempDir Path dir;

  static RunOptions quiet() {
    return RunOptions.to(new PrintStream(OutputStream.nullOutputStream()));
  }

  /** Each step's output hashes by {@code step.port}. */
  static Map<String, String> hashes(RunResult result) {
    Map<String, String> hashes = new TreeMap<>();
    for (StepResult step : result.steps()) {
      step.outputs()
          .forEach((port, artifact) -> hashes.put(step.step() + "." + port, artifact.sha256()));
    }
    return hashes;
  }

  static Process startChild(Path home, Path marker, Path output, long trainMillis, long pauseMillis)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return new ProcessBuilder(
            java,
            "-cp",
            classpath,
            KilledRunMain.class.getName(),
            home.toString(),
            marker.toString(),
            Long.toString(trainMillis),
            Long.toString(pauseMillis))
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
  }

  static void awaitFile(Path file, Process child, Path output) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(file)) {
      if (!child.isAlive()) {
        throw new AssertionError("child ended early: " + Files.readString(output));
      }
      if (System.nanoTime() > deadline) {
        child.destroyForcibly();
        throw new AssertionError("child never reached train: " + Files.readString(output));
      }
      Thread.sleep(20);
    }
  }

  @Test
  void aRunKilledDuringTrainResumesToTheSameArtifactsAsAnUninterruptedRun() throws Exception {
    RunResult reference;
    try (LocalRunner runner =
        TestRunners.runner(RecopipeHome.at(dir.resolve("reference")), FakeWarehouse::new)) {
      reference = runner.run(new ToyPipeline().build(), PARAMETERS, quiet());
    }
    assertEquals(RunStatus.SUCCEEDED, reference.status(), reference.message());

    Path home = dir.resolve("killed");
    Path marker = dir.resolve("train-started");
    Path output = dir.resolve("child.log");
    Process child = startChild(home, marker, output, 60_000, 0);
    awaitFile(marker, child, output);
    Thread.sleep(150);
    child.destroyForcibly();
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    assertEquals(137, child.exitValue(), "killed by SIGKILL");

    ToyPipeline toy = new ToyPipeline();
    try (LocalRunner runner = TestRunners.runner(RecopipeHome.at(home), FakeWarehouse::new)) {
      List<RunRecord> runs = runner.history().listRuns();
      assertEquals(1, runs.size());
      RunRecord killed = runs.get(0);
      assertEquals(RunStatus.RUNNING, killed.status(), "a killed run is left RUNNING");
      assertTrue(runner.resumeBlocker(killed.id()).isEmpty(), "its process is dead");
      assertTrue(hasStagingLeftovers(home, killed.id()), "the kill left a half-written output");

      RunResult resumed = runner.resume(toy.build(), killed.id(), quiet());

      assertEquals(RunStatus.SUCCEEDED, resumed.status(), resumed.message());
      assertEquals(hashes(reference), hashes(resumed));
      assertEquals(0, toy.ingest.runs.get(), "ingest finished before the kill and is reused");
      assertEquals(1, toy.train.runs.get());
      assertFalse(hasStagingLeftovers(home, killed.id()));
      RunHistory.RunReport report = runner.history().show(killed.id()).orElseThrow();
      assertTrue(
          report.executions().stream()
              .anyMatch(
                  e ->
                      e.execution().status() == ExecutionStatus.FAILED
                          && e.execution().message().startsWith("interrupted")),
          "the killed train execution");
      for (StepResult step : resumed.steps()) {
        for (StoredArtifact artifact : step.outputs().values()) {
          assertTrue(Files.isDirectory(runner.history().locate(artifact)), artifact.uri());
        }
      }
    }
  }

  private static boolean hasStagingLeftovers(Path home, String runId) throws IOException {
    Path staging = RecopipeHome.at(home).artifacts().resolve(ArtifactStore.STAGING).resolve(runId);
    if (!Files.isDirectory(staging)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(staging)) {
      return entries.findAny().isPresent();
    }
  }
}
