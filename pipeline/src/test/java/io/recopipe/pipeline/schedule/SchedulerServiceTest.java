package io.recopipe.pipeline.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.recopipe.pipeline.metadata.MetadataStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background service ticks on its own: a due schedule fires once, and close stops it. */
class SchedulerServiceTest {
  @TempDir Path dir;

  @Test
  void firesADueScheduleFromItsOwnThread() throws InterruptedException {
    TestClock clock = new TestClock(Instant.parse("2026-01-05T00:00:00Z"));
    ManualLauncher launcher = new ManualLauncher();
    try (MetadataStore store = MetadataStore.open(dir.resolve("metadata.db"))) {
      new ScheduleStore(store)
          .add(ScheduleRequest.of("hourly", "0 * * * *"), "user:test", clock.instant());
      clock.set(Instant.parse("2026-01-05T01:00:05Z"));
      try (SchedulerService service = new SchedulerService(store, launcher, clock)) {
        service.start(Duration.ofMillis(20));
        for (int i = 0; i < 250 && launcher.runs().isEmpty(); i++) {
          Thread.sleep(20);
        }
        Thread.sleep(100); // a few more ticks: the firing must not repeat
      }
      assertEquals(1, launcher.runs().size());
      assertEquals(Instant.parse("2026-01-05T01:00:00Z"), launcher.runs().get(0).plannedAt());
      assertEquals(
          FiringOutcome.STARTED, new FiringHistory(store).of("hourly", 5).get(0).outcome());
    }
  }
}
