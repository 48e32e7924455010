package io.recopipe.pipeline.schedule;

import io.recopipe.pipeline.metadata.MetadataStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link Scheduler} on a background thread inside {@code recopipe server}, ticking every
 * few seconds; one small object for the server to start and close.
 */
public final class SchedulerService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SchedulerService.class);
  private final MetadataStore store;
  private final RunLauncher launcher;
  private final Clock clock;
  private ScheduledExecutorService ticker;
  private Scheduler scheduler;

  /** A service over {@code store} starting runs with {@code launcher}; not started yet. */
  public SchedulerService(MetadataStore store, RunLauncher launcher, Clock clock) {
    this.store = store;
    this.launcher = launcher;
    this.clock = clock;
  }

  /**
   * Ticks now and then every {@code tickEvery}; a cron time up to twice that (at least a minute)
   * old still counts as on time.
   */
  public synchronized void start(Duration tickEvery) {
    if (ticker != null) {
      throw new IllegalStateException("scheduler already started");
    }
    Duration tolerance = tickEvery.multipliedBy(2);
    scheduler =
        new Scheduler(
            store,
            launcher,
            clock,
            tolerance.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : tolerance);
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "recopipe-scheduler");
              thread.setDaemon(true);
              return thread;
            });
    ticker.scheduleWithFixedDelay(this::tickSafely, 0, tickEvery.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The scheduler, once started (for the server's status page). */
  public synchronized Scheduler scheduler() {
    return scheduler;
  }

  private void tickSafely() {
    try {
      scheduler.tick();
    } catch (RuntimeException e) {
      LOG.error("scheduler: tick failed", e);
    }
  }

  /** Stops ticking after the current tick (started runs keep running in their own processes). */
  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdown();
      try {
        ticker.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ticker = null;
    }
  }
}
