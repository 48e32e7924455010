package io.recopipe.pipeline.promotion;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Expires pending approvals on a timer inside {@code recopipe server}, so a waiting run ends
 * EXPIRED at its deadline even when nobody opens the page or runs a command (both also expire stale
 * approvals on the spot).
 */
public final class ApprovalExpiry implements AutoCloseable {
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "recopipe-approval-expiry");
            thread.setDaemon(true);
            return thread;
          });

  /** Calls {@link Promotions#expireStale()} every {@code every}; expiries go to {@code log}. */
  public ApprovalExpiry(Promotions promotions, Duration every, PrintStream log) {
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            int expired = promotions.expireStale();
            if (expired > 0) {
              log.println("recopipe server: " + expired + " pending approval(s) expired");
            }
          } catch (RuntimeException e) {
            log.println("recopipe server: expiring approvals failed: " + e.getMessage());
          }
        },
        0,
        every.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
