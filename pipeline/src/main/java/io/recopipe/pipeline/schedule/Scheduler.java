package io.recopipe.pipeline.schedule;

import io.recopipe.pipeline.metadata.MetadataStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due schedules, one {@link #tick()} at a time, with an injectable clock so the firing rules
 * (overlap, catch-up, time zones) are tested by moving time instead of waiting for it.
 *
 * <p>Each tick handles the cron times in {@code (checked_until, now]} of every unpaused schedule by
 * the {@link FiringPlan} rule, applies the overlap policy, starts at most one run per schedule and
 * records the firings together with the new {@code checked_until}. Which run a schedule started
 * last is found again after a server restart from the runs table (its runs are attributed to {@code
 * scheduler:NAME}), and a queued firing from the firing history (a QUEUED row not yet followed by a
 * STARTED one).
 */
public final class Scheduler {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
  private final ScheduleStore schedules;
  private final FiringHistory history;
  private final RunLauncher launcher;
  private final Clock clock;
  private final Duration tolerance;
  private final Map<String, RunHandle> lastRuns = new HashMap<>();
  private final Map<String, Instant> queued = new HashMap<>();
  private final Set<String> loaded = new java.util.HashSet<>();
  private final RecordedRuns recordedRuns;

  /**
   * A scheduler over {@code store}; a cron time at most {@code tolerance} old counts as on time
   * (use at least the tick interval).
   */
  public Scheduler(MetadataStore store, RunLauncher launcher, Clock clock, Duration tolerance) {
    this.schedules = new ScheduleStore(store);
    this.history = new FiringHistory(store);
    this.launcher = launcher;
    this.clock = clock;
    this.tolerance = tolerance;
    this.recordedRuns = new RecordedRuns(store);
  }

  /** Handles every schedule once and returns the firings recorded, oldest first. */
  public synchronized List<Firing> tick() {
    Instant now = clock.instant();
    List<Schedule> all = schedules.list();
    Set<String> names = all.stream().map(Schedule::name).collect(Collectors.toSet());
    lastRuns.keySet().retainAll(names);
    queued.keySet().retainAll(names);
    List<Firing> recorded = new ArrayList<>();
    for (Schedule schedule : all) {
      try {
        recorded.addAll(tick(schedule, now));
      } catch (RuntimeException e) {
        LOG.error("scheduler: schedule " + schedule.name() + " failed", e);
      }
    }
    return recorded;
  }

  private List<Firing> tick(Schedule schedule, Instant now) {
    List<Firing> firings = new ArrayList<>();
    if (schedule.paused()) {
      Instant waiting = queued.remove(schedule.name());
      if (waiting != null) {
        firings.add(
            row(
                schedule,
                waiting,
                now,
                FiringOutcome.SKIPPED,
                "schedule paused before the queued run could start",
                null));
        history.record(schedule.name(), firings, now);
      }
      return firings;
    }
    reloadQueued(schedule);
    startQueued(schedule, now, firings);
    Instant from = schedule.checkedUntil() == null ? schedule.createdAt() : schedule.checkedUntil();
    boolean advanced = now.isAfter(from);
    if (advanced) {
      FiringPlan plan =
          FiringPlan.of(
              schedule, CronTimes.of(schedule.cron(), schedule.zone()), from, now, tolerance);
      plan.skipped().ifPresent(firings::add);
      plan.fireAt().ifPresent(at -> fire(schedule, at, plan.note(), now, firings));
    }
    if (advanced || !firings.isEmpty()) {
      history.record(schedule.name(), firings, advanced ? now : from);
    }
    return firings;
  }

  /**
   * Once per schedule and scheduler: a QUEUED firing that no STARTED firing followed (the previous
   * server stopped first) is queued again, so a restart never drops it.
   */
  private void reloadQueued(Schedule schedule) {
    if (!loaded.add(schedule.name())
        || schedule.overlap() != Overlap.QUEUE
        || queued.containsKey(schedule.name())) {
      return;
    }
    for (Firing firing : history.of(schedule.name(), 50)) {
      if (firing.outcome() == FiringOutcome.STARTED) {
        return;
      }
      if (firing.outcome() == FiringOutcome.QUEUED) {
        queued.put(schedule.name(), firing.plannedAt());
        return;
      }
    }
  }

  private void startQueued(Schedule schedule, Instant now, List<Firing> firings) {
    Instant waiting = queued.get(schedule.name());
    if (waiting == null) {
      return;
    }
    RunHandle previous = previousRun(schedule);
    if (previous == null || !previous.running()) {
      queued.remove(schedule.name());
      String behind = previous == null ? "" : " behind run " + previous.runId();
      start(schedule, waiting, "was queued" + behind + " (overlap=queue)", now, firings);
    }
  }

  private void fire(
      Schedule schedule, Instant plannedAt, String note, Instant now, List<Firing> firings) {
    RunHandle previous = previousRun(schedule);
    if (previous == null || !previous.running()) {
      start(schedule, plannedAt, note, now, firings);
      return;
    }
    String suffix = note == null ? "" : "; " + note;
    if (schedule.overlap() == Overlap.SKIP) {
      firings.add(
          row(
              schedule,
              plannedAt,
              now,
              FiringOutcome.SKIPPED,
              "previous run " + previous.runId() + " still running (overlap=skip)" + suffix,
              null));
    } else if (queued.containsKey(schedule.name())) {
      firings.add(
          row(
              schedule,
              plannedAt,
              now,
              FiringOutcome.SKIPPED,
              "one run already queued behind run " + previous.runId() + " (overlap=queue)" + suffix,
              null));
    } else {
      queued.put(schedule.name(), plannedAt);
      firings.add(
          row(
              schedule,
              plannedAt,
              now,
              FiringOutcome.QUEUED,
              "waiting for run " + previous.runId() + " to end (overlap=queue)" + suffix,
              null));
    }
  }

  private void start(
      Schedule schedule, Instant plannedAt, String note, Instant now, List<Firing> firings) {
    try {
      RunHandle run = launcher.launch(schedule, plannedAt);
      lastRuns.put(schedule.name(), run);
      firings.add(row(schedule, plannedAt, now, FiringOutcome.STARTED, note, run.runId()));
    } catch (RuntimeException e) {
      LOG.warn("scheduler: schedule " + schedule.name() + " could not start its run", e);
      firings.add(
          row(
              schedule,
              plannedAt,
              now,
              FiringOutcome.FAILED,
              "could not start the run: " + e.getMessage(),
              null));
    }
  }

  private RunHandle previousRun(Schedule schedule) {
    RunHandle known = lastRuns.get(schedule.name());
    return known != null ? known : recordedRuns.stillRunning(schedule.name()).orElse(null);
  }

  private static Firing row(
      Schedule schedule,
      Instant plannedAt,
      Instant now,
      FiringOutcome outcome,
      String reason,
      String runId) {
    return new Firing(0, schedule.name(), plannedAt, now, outcome, reason, runId);
  }
}
