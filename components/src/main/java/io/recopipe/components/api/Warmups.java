package io.recopipe.components.api;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one background thread {@link Component#prepare} implementations hand their warm-ups to: one
 * after the other, in the order asked, so warming several steps' code takes one core at most away
 * from the step that is running, and a daemon, so it never keeps a process alive.
 */
public final class Warmups {
  private static final ExecutorService THREAD =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "recopipe-warmup");
            thread.setDaemon(true);
            return thread;
          });

  private Warmups() {}

  /**
   * Runs {@code warmUp} on the warm-up thread after what was queued before; failures are dropped.
   */
  public static void submit(Runnable warmUp) {
    THREAD.execute(
        () -> {
          try {
            warmUp.run();
          } catch (RuntimeException | LinkageError e) {
            // a warm-up only saves time; the step itself reports real problems
          }
        });
  }
}
