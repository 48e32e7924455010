package io.recopipe.pipeline.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for a minute-long pipeline run: each launch is a run the test finishes by hand, so
 * overlap is tested without waiting; the only test double of the scheduler tests.
 */
final class ManualLauncher implements RunLauncher {
  /** One started run. */
  static final class ManualRun implements RunHandle {
    private final String runId;
    private final Instant plannedAt;
    private volatile boolean running = true;

    ManualRun(String runId, Instant plannedAt) {
      this.runId = runId;
      this.plannedAt = plannedAt;
    }

    void finish() {
      running = false;
    }

    Instant plannedAt() {
      return plannedAt;
    }

    @Override
    public String runId() {
      return runId;
    }

    @Override
    public boolean running() {
      return running;
    }

    @Override
    public Optional<String> outcome() {
      return running ? Optional.empty() : Optional.of("finished");
    }
  }

  private final List<ManualRun> runs = new CopyOnWriteArrayList<>();
  private volatile String failWith;

  /** Makes every further launch fail with {@code message}. */
  void failWith(String message) {
    failWith = message;
  }

  List<ManualRun> runs() {
    return runs;
  }

  @Override
  public RunHandle launch(Schedule schedule, Instant plannedAt) {
    if (failWith != null) {
      throw new IllegalStateException(failWith);
    }
    ManualRun run = new ManualRun(schedule.name() + "-run-" + (runs.size() + 1), plannedAt);
    runs.add(run);
    return run;
  }
}
