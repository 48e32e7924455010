package io.recopipe.pipeline.schedule;

import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.metadata.RunRecord;
import io.recopipe.pipeline.metadata.RunRepository;
import io.recopipe.pipeline.runner.ProcessIdentity;
import java.util.Optional;

/**
 * Finds a schedule's run that is still going from the runs table (runs the scheduler starts are
 * attributed to {@code scheduler:NAME}), so the overlap policy holds across a server restart, when
 * the in-memory handle of the previous server's run is gone.
 */
final class RecordedRuns {
  private final RunRepository runs;

  RecordedRuns(MetadataStore store) {
    this.runs = new RunRepository(store);
  }

  /** The newest RUNNING run started by {@code schedule} whose process is still alive. */
  Optional<RunHandle> stillRunning(String schedule) {
    String who = ChildProcessLauncher.startedBy(schedule);
    return runs.runningBy(who).stream()
        .filter(r -> new ProcessIdentity(r.pid(), r.pidStarted()).isAlive())
        .findFirst()
        .map(RecordedRuns::handle);
  }

  private static RunHandle handle(RunRecord record) {
    ProcessIdentity process = new ProcessIdentity(record.pid(), record.pidStarted());
    return new RunHandle() {
      @Override
      public String runId() {
        return record.id();
      }

      @Override
      public boolean running() {
        return process.isAlive();
      }

      @Override
      public Optional<String> outcome() {
        return running() ? Optional.empty() : Optional.of("process " + record.pid() + " ended");
      }
    };
  }
}
