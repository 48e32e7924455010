package io.recopipe.pipeline.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.warehouse.StagedTables;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.SqliteModelRegistry;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of the shipped pipeline in a child JVM, killed with SIGKILL after ingest and train have
 * staged their tables, leaves the published tables, registry and audit log unchanged; resuming it
 * publishes its tables and registers its version.
 */
class AtomicKillTest {
  @TempDir Path dir;

  @Test
  void aKilledRunChangesNothingAndItsResumeCommits() throws Exception {
    RecopipeHome home = RecopipeHome.at(dir.resolve("home"));
    RunOptions quiet = RunOptions.to(new PrintStream(OutputStream.nullOutputStream()));
    try (LocalRunner runner = AtomicRunTest.newRunner(home)) {
      assertEquals(
          RunStatus.SUCCEEDED,
          runner
              .run(MovieLensMfPipeline.definition(), AtomicRunTest.parameters(Map.of()), quiet)
              .status());
    }
    HomeSnapshot before = HomeSnapshot.of(home);

    Path marker = Files.createFile(dir.resolve("pause"));
    Path started = dir.resolve("started");
    Path output = dir.resolve("child.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process child =
        new ProcessBuilder(
                java,
                "--add-modules",
                "jdk.incubator.vector",
                "-cp",
                classpath,
                AtomicKillMain.class.getName(),
                home.root().toString(),
                marker.toString(),
                started.toString())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      KillAndResumeTest.awaitFile(started, child, output);
      Thread.sleep(100);
    } finally {
      child.destroyForcibly(); // SIGKILL inside evaluate, after its table was staged
      child.waitFor(30, TimeUnit.SECONDS);
    }
    String runId = Files.readString(started);

    HomeSnapshot killed = HomeSnapshot.of(home);
    assertEquals(
        List.of("staged [] -> [" + StagedTables.keyOfRun(runId) + "]"),
        before.differences(killed),
        "only the killed run's staged tables may be new");

    Files.delete(marker);
    try (LocalRunner runner = AtomicRunTest.newRunner(home);
        ModelRegistry registry = SqliteModelRegistry.open(home.metadataDb())) {
      RunResult resumed =
          runner.resume(InjectedFailure.shippedWith("evaluate", marker, started, 0), runId, quiet);
      assertEquals(RunStatus.SUCCEEDED, resumed.status(), resumed.message());
      assertEquals(
          2,
          registry.alias(MovieLensMfPipeline.NAME, ModelRegistry.CHAMPION).orElseThrow().version());
    }
    HomeSnapshot committed = HomeSnapshot.of(home);
    assertTrue(committed.staged().isEmpty(), committed.staged().toString());
    assertNotEquals(before.tables().get("training_info"), committed.tables().get("training_info"));
    assertNotEquals(before.tables().get("evaluation"), committed.tables().get("evaluation"));
    assertEquals(2, committed.rows("model_versions"));
  }
}
