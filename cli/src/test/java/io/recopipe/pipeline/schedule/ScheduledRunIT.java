package io.recopipe.pipeline.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.cli.Main;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.metadata.RunRecord;
import io.recopipe.pipeline.metadata.RunRepository;
import io.recopipe.pipeline.metadata.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schedule fires one real run of the shipped pipeline in a child {@code recopipe run} process (a
 * small synthetic dataset, a few ALS iterations, no deploy): the run ends SUCCEEDED in the runs
 * table and the firing names it.
 */
class ScheduledRunIT {
  private static final String FAST_CONFIG = io.recopipe.pipeline.testing.FastConfig.YAML;

  @TempDir Path dir;

  @Test
  void aScheduleFiresARealRun() throws Exception {
    Path config = Files.writeString(dir.resolve("fast.yaml"), FAST_CONFIG);
    RecopipeHome home = RecopipeHome.at(dir.resolve("home")).create();
    Instant added = Instant.parse("2026-01-05T02:30:00Z");
    TestClock clock = new TestClock(added);
    try (MetadataStore store = MetadataStore.open(home.metadataDb())) {
      new ScheduleStore(store)
          .add(
              new ScheduleRequest(
                  "nightly",
                  "0 3 * * *",
                  "Europe/Berlin",
                  null,
                  null,
                  config,
                  Map.of("export.top_n", "5")),
              "user:test",
              added);
      Scheduler scheduler =
          new Scheduler(
              store,
              new ChildProcessLauncher(home, Duration.ofMinutes(2), Main.class.getName()),
              clock,
              Duration.ofMinutes(1));

      clock.set(Instant.parse("2026-01-05T02:00:00Z").plus(Duration.ofDays(1)));
      List<Firing> fired = scheduler.tick();
      assertEquals(1, fired.size(), fired.toString());
      assertEquals(FiringOutcome.STARTED, fired.get(0).outcome(), fired.get(0).toString());
      String runId = fired.get(0).runId();
      assertTrue(runId != null && !runId.isBlank(), fired.toString());

      RunRecord run = awaitEnd(new RunRepository(store), runId, Duration.ofMinutes(5));
      Path log = home.root().resolve("schedules/nightly/20260106T020000Z.log");
      assertEquals(RunStatus.SUCCEEDED, run.status(), Files.readString(log));
      assertEquals("5", run.parameters().get("export.top_n"), run.parameters().toString());
      assertTrue(Files.readString(log).contains("run " + runId + " of pipeline"));
      assertEquals(runId, new FiringHistory(store).of("nightly", 5).get(0).runId());
    }
  }

  private static RunRecord awaitEnd(RunRepository runs, String runId, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      RunRecord run = runs.find(runId).orElseThrow();
      if (run.status() != RunStatus.RUNNING) {
        return run;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("run " + runId + " did not end within " + timeout);
  }
}
