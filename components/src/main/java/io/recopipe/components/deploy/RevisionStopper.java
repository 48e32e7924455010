package io.recopipe.components.deploy;

import io.recopipe.model.io.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a serving process gracefully through its admin API and, when that does not end it in time,
 * by its pid, so neither a deploy nor an undeploy ever leaves a stray server behind.
 */
final class RevisionStopper {
  private static final Duration GRACE = Duration.ofSeconds(15);
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private RevisionStopper() {}

  /**
   * Stops process {@code pid} (admin API on {@code adminPort} with {@code secret}, 0 = none);
   * returns true when it exited after a graceful {@code /admin/stop}, false when it had to be
   * killed or was gone.
   */
  static boolean stop(long pid, int adminPort, String secret) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return false;
    }
    if (adminPort > 0) {
      try {
        ServingClient.Response response =
            new ServingClient("", secret).post(adminPort, "/admin/stop", Json.object());
        if (response.ok() && waitForExit(handle.get(), GRACE)) {
          return true;
        }
      } catch (IOException e) {
        // fall through to the pid
      }
    }
    kill(handle.get());
    return false;
  }

  /**
   * Ends {@code process} by signal: SIGTERM, then SIGKILL if it lingers — after ending its restart
   * supervisor (its parent, or its child when the server started it), which would otherwise take
   * the SIGKILL for a crash.
   */
  static void kill(ProcessHandle process) {
    process.destroy();
    if (!waitForExit(process, KILL_WAIT)) {
      process
          .parent()
          .filter(RevisionStopper::isSupervisor)
          .ifPresent(ProcessHandle::destroyForcibly);
      process
          .children()
          .filter(RevisionStopper::isSupervisor)
          .forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      waitForExit(process, KILL_WAIT);
    }
  }

  private static boolean isSupervisor(ProcessHandle process) {
    return process
        .info()
        .arguments()
        .map(args -> java.util.Arrays.asList(args).contains(ServingLauncher.SUPERVISOR))
        .orElse(false);
  }

  static boolean waitForExit(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }
}
