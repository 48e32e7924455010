package io.recopipe.components.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Starts one revision's process from its directory and waits until it is ready, stopping it again
 * if it never gets there; it saves the command line ({@code command.txt}) so a revision can be
 * restarted later, e.g. when a failed handover had already stopped it.
 */
final class RevisionLaunch {
  static final String COMMAND_FILE = "command.txt";

  private RevisionLaunch() {}

  /** A ready process, or the failure with the pid that was cleaned up. */
  record Ready(ServingState state, ServingLauncher.Started started) {}

  /** Saves {@code command} in {@code revisionDir}, starts it and waits for readiness. */
  static Ready launch(List<String> command, Path revisionDir, Duration timeout)
      throws IOException, CheckFailedException {
    Files.write(revisionDir.resolve(COMMAND_FILE), command);
    return relaunch(revisionDir, timeout);
  }

  /** Starts the saved command of {@code revisionDir} and waits for readiness. */
  static Ready relaunch(Path revisionDir, Duration timeout)
      throws IOException, CheckFailedException {
    List<String> command = Files.readAllLines(revisionDir.resolve(COMMAND_FILE));
    ServingLauncher.Started started = ServingLauncher.start(command, revisionDir);
    try {
      return new Ready(ServingLauncher.awaitReady(started, timeout), started);
    } catch (CheckFailedException | RuntimeException e) {
      stop(started, null);
      throw e;
    }
  }

  /**
   * Stops a launched process: through its admin API when ready, else by signal — the server first
   * (a deliberate stop its supervisor does not restart), then the supervisor.
   */
  static void stop(ServingLauncher.Started started, ServingState state) {
    if (state != null) {
      RevisionStopper.stop(state.pid(), state.adminPort(), state.adminSecret());
    }
    if (started.process().isAlive()) {
      started.process().toHandle().children().forEach(RevisionStopper::kill);
      RevisionStopper.kill(started.process().toHandle());
    }
  }
}
