package io.recopipe.pipeline.runner;

import java.util.Objects;
import java.util.Optional;

/**
 * A process told apart by id and start time (ids are reused), recorded with each run so that a run
 * left RUNNING by a killed runner can be recognised as resumable.
 *
 * @param pid the process id
 * @param started the start time as the OS reports it (null when unavailable)
 */
public record ProcessIdentity(long pid, String started) {
  /** This JVM's process. */
  public static ProcessIdentity current() {
    ProcessHandle self = ProcessHandle.current();
    return new ProcessIdentity(self.pid(), startOf(self));
  }

  /** Whether that process is still alive (same id and, when known, same start time). */
  public boolean isAlive() {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return false;
    }
    return started == null || Objects.equals(started, startOf(handle.get()));
  }

  private static String startOf(ProcessHandle handle) {
    return handle.info().startInstant().map(Object::toString).orElse(null);
  }
}
