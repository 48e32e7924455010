package io.recopipe.pipeline.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.metadata.MetadataStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The firing rules with a clock moved by hand and runs finished by hand: on-time firing, overlap
 * skip and queue, catch-up none and latest (never a burst), pause, time zones and DST.
 */
class SchedulerTest {
  private static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");

  @TempDir Path dir;
  private MetadataStore store;
  private ScheduleStore schedules;
  private FiringHistory history;
  private final TestClock clock = new TestClock(MONDAY);
  private final ManualLauncher launcher = new ManualLauncher();
  private Scheduler scheduler;

  @BeforeEach
  void open() {
    store = MetadataStore.open(dir.resolve("metadata.db"));
    schedules = new ScheduleStore(store);
    history = new FiringHistory(store);
    scheduler = new Scheduler(store, launcher, clock, Duration.ofMinutes(1));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void add(String name, String cron, String zone, String overlap, String catchUp) {
    schedules.add(
        new ScheduleRequest(name, cron, zone, overlap, catchUp, null, Map.of()),
        "user:test",
        clock.instant());
  }

  private List<Firing> tickAt(String instant) {
    clock.set(Instant.parse(instant));
    return scheduler.tick();
  }

  @Test
  void firesOnTimeOnceAndRecordsTheRun() {
    add("hourly", "0 * * * *", "UTC", null, null);
    assertEquals(List.of(), tickAt("2026-01-05T00:59:59Z"));
    List<Firing> fired = tickAt("2026-01-05T01:00:05Z");
    assertEquals(1, fired.size());
    assertEquals(FiringOutcome.STARTED, fired.get(0).outcome());
    assertEquals(Instant.parse("2026-01-05T01:00:00Z"), fired.get(0).plannedAt());
    assertEquals("hourly-run-1", fired.get(0).runId());
    assertEquals(List.of(), tickAt("2026-01-05T01:00:15Z"));
    assertEquals(1, launcher.runs().size());
    List<Firing> stored = history.of("hourly", 10);
    assertEquals(1, stored.size());
    assertEquals("hourly-run-1", stored.get(0).runId());
    assertEquals(
        Instant.parse("2026-01-05T01:00:15Z"),
        schedules.find("hourly").orElseThrow().checkedUntil());
  }

  @Test
  void overlapHoldsAcrossASchedulerRestartThroughTheRunsTable() {
    add("hourly", "0 * * * *", "UTC", "skip", null);
    io.recopipe.pipeline.runner.ProcessIdentity self =
        io.recopipe.pipeline.runner.ProcessIdentity.current();
    new io.recopipe.pipeline.metadata.RunRepository(store)
        .insert(
            new io.recopipe.pipeline.metadata.RunRecord(
                "run-before-restart",
                "movielens-mf",
                io.recopipe.pipeline.metadata.RunStatus.RUNNING,
                null,
                Map.of(),
                MONDAY,
                null,
                ChildProcessLauncher.startedBy("hourly"),
                self.pid(),
                self.started()));
    List<Firing> fired = tickAt("2026-01-05T01:00:05Z");
    assertEquals(FiringOutcome.SKIPPED, fired.get(0).outcome());
    assertEquals(
        "previous run run-before-restart still running (overlap=skip)", fired.get(0).reason());
    assertEquals(0, launcher.runs().size());
  }

  @Test
  void overlapSkipSkipsWhileThePreviousRunRuns() {
    add("hourly", "0 * * * *", "UTC", "skip", null);
    tickAt("2026-01-05T01:00:05Z");
    List<Firing> second = tickAt("2026-01-05T02:00:05Z");
    assertEquals(FiringOutcome.SKIPPED, second.get(0).outcome());
    assertEquals("previous run hourly-run-1 still running (overlap=skip)", second.get(0).reason());
    assertEquals(1, launcher.runs().size());
    launcher.runs().get(0).finish();
    List<Firing> third = tickAt("2026-01-05T03:00:05Z");
    assertEquals(FiringOutcome.STARTED, third.get(0).outcome());
    assertEquals(2, launcher.runs().size());
  }

  @Test
  void overlapQueueStartsOneQueuedRunAfterThePreviousEndsAndSkipsAThird() {
    add("hourly", "0 * * * *", "UTC", "queue", null);
    tickAt("2026-01-05T01:00:05Z");
    assertEquals(FiringOutcome.QUEUED, tickAt("2026-01-05T02:00:05Z").get(0).outcome());
    List<Firing> third = tickAt("2026-01-05T03:00:05Z");
    assertEquals(FiringOutcome.SKIPPED, third.get(0).outcome());
    assertTrue(third.get(0).reason().startsWith("one run already queued"), third.get(0).reason());
    assertEquals(List.of(), tickAt("2026-01-05T03:10:00Z"));
    assertEquals(1, launcher.runs().size());

    launcher.runs().get(0).finish();
    List<Firing> queued = tickAt("2026-01-05T03:20:00Z");
    assertEquals(1, queued.size());
    assertEquals(FiringOutcome.STARTED, queued.get(0).outcome());
    assertEquals(Instant.parse("2026-01-05T02:00:00Z"), queued.get(0).plannedAt());
    assertEquals(2, launcher.runs().size());
    assertEquals(Instant.parse("2026-01-05T02:00:00Z"), launcher.runs().get(1).plannedAt());
    assertEquals(List.of("STARTED", "QUEUED", "SKIPPED", "STARTED"), outcomes("hourly"));
  }

  @Test
  void aQueuedFiringSurvivesASchedulerRestart() {
    add("hourly", "0 * * * *", "UTC", "queue", null);
    tickAt("2026-01-05T01:00:05Z");
    assertEquals(FiringOutcome.QUEUED, tickAt("2026-01-05T02:00:05Z").get(0).outcome());
    launcher.runs().get(0).finish();
    scheduler = new Scheduler(store, launcher, clock, Duration.ofMinutes(1));

    List<Firing> after = tickAt("2026-01-05T02:10:00Z");
    assertEquals(1, after.size(), after.toString());
    assertEquals(FiringOutcome.STARTED, after.get(0).outcome());
    assertEquals(Instant.parse("2026-01-05T02:00:00Z"), after.get(0).plannedAt());
    assertEquals(List.of(), tickAt("2026-01-05T02:20:00Z"), "started once, not again");
    assertEquals(2, launcher.runs().size());
  }

  @Test
  void catchUpNoneAfterTenMissedFiringsStartsNothingAndRecordsOneSkippedRow() {
    add("hourly", "0 * * * *", "UTC", null, "none");
    List<Firing> after = tickAt("2026-01-05T10:30:00Z");
    assertEquals(0, launcher.runs().size());
    assertEquals(1, after.size());
    assertEquals(FiringOutcome.SKIPPED, after.get(0).outcome());
    assertEquals(
        "missed 10 firings while the scheduler was down (catch_up=none)", after.get(0).reason());
    assertEquals(Instant.parse("2026-01-05T01:00:00Z"), after.get(0).plannedAt());
    assertEquals(FiringOutcome.STARTED, tickAt("2026-01-05T11:00:05Z").get(0).outcome());
    assertEquals(1, launcher.runs().size());
  }

  @Test
  void catchUpNoneStillFiresTheLatestWhenItIsOnTime() {
    add("hourly", "0 * * * *", "UTC", null, "none");
    List<Firing> after = tickAt("2026-01-05T03:00:10Z");
    assertEquals(
        List.of(FiringOutcome.SKIPPED, FiringOutcome.STARTED),
        after.stream().map(Firing::outcome).toList());
    assertTrue(after.get(0).reason().startsWith("missed 2 firings"), after.get(0).reason());
    assertEquals(Instant.parse("2026-01-05T03:00:00Z"), launcher.runs().get(0).plannedAt());
  }

  @Test
  void catchUpLatestStartsExactlyOneRunForTheLatestMissedFiring() {
    add("hourly", "0 * * * *", "UTC", null, "latest");
    List<Firing> after = tickAt("2026-01-05T10:30:00Z");
    assertEquals(1, launcher.runs().size());
    assertEquals(Instant.parse("2026-01-05T10:00:00Z"), launcher.runs().get(0).plannedAt());
    assertEquals(1, after.size());
    assertEquals(FiringOutcome.STARTED, after.get(0).outcome());
    assertTrue(
        after.get(0).reason().contains("latest of 10 missed firings; skipped the other 9"),
        after.get(0).reason());
  }

  @Test
  void aDayOfMissedMinutelyFiringsNeverBursts() {
    add("minutely", "* * * * *", "UTC", null, "latest");
    tickAt("2026-01-06T00:00:30Z");
    assertEquals(1, launcher.runs().size());
    String reason = history.of("minutely", 5).get(0).reason();
    assertTrue(reason.startsWith("skipped 1439 earlier missed firing(s)"), reason);
  }

  @Test
  void aPausedScheduleNeverFiresAndResumingDoesNotCatchUp() {
    add("hourly", "0 * * * *", "UTC", null, "latest");
    schedules.pause("hourly", "user:test", clock.instant());
    for (int hour = 1; hour <= 5; hour++) {
      assertEquals(List.of(), tickAt("2026-01-05T0" + hour + ":00:05Z"));
    }
    clock.set(Instant.parse("2026-01-05T05:30:00Z"));
    schedules.resume("hourly", "user:test", clock.instant());
    assertEquals(List.of(), tickAt("2026-01-05T05:30:10Z"));
    assertEquals(0, launcher.runs().size());
    assertEquals(FiringOutcome.STARTED, tickAt("2026-01-05T06:00:05Z").get(0).outcome());
    assertEquals(1, launcher.runs().size());
  }

  @Test
  void aBerlinThreeOClockScheduleFiresAtTwoUtcInWinterAndOneUtcInSummer() {
    add("nightly", "0 3 * * *", "Europe/Berlin", null, null);
    assertEquals(List.of(), tickAt("2026-01-05T01:59:59Z"));
    assertEquals(
        Instant.parse("2026-01-05T02:00:00Z"), tickAt("2026-01-05T02:00:05Z").get(0).plannedAt());
    launcher.runs().get(0).finish();
    // Summer time starts on 2026-03-29 at 02:00 local: 03:00 Berlin is then 01:00Z.
    clock.set(Instant.parse("2026-03-28T12:00:00Z"));
    schedules.pause("nightly", "user:test", clock.instant());
    schedules.resume("nightly", "user:test", clock.instant());
    assertEquals(List.of(), tickAt("2026-03-29T00:59:59Z"));
    assertEquals(
        Instant.parse("2026-03-29T01:00:00Z"), tickAt("2026-03-29T01:00:05Z").get(0).plannedAt());
  }

  @Test
  void aRunThatCannotStartIsRecordedAsFailed() {
    add("hourly", "0 * * * *", "UTC", null, null);
    launcher.failWith("no java here");
    List<Firing> fired = tickAt("2026-01-05T01:00:05Z");
    assertEquals(FiringOutcome.FAILED, fired.get(0).outcome());
    assertEquals("could not start the run: no java here", fired.get(0).reason());
  }

  private List<String> outcomes(String name) {
    List<String> outcomes = new ArrayList<>();
    for (Firing firing : history.of(name, 100)) {
      outcomes.add(0, firing.outcome().name());
    }
    return outcomes;
  }
}
