package io.recopipe.pipeline.promotion;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires pending approvals on a timer inside {@code recopipe server}, so a waiting run ends
 * EXPIRED at its deadline even when nobody opens the page or runs a command (both also expire stale
 * approvals on the spot).
 */
public final class ApprovalExpiry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApprovalExpiry.class);

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "recopipe-approval-expiry");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * Calls {@code expireStale} ({@link Promotions#expireStale()}, or {@link
   * GcpPromotions#expireStale} on the gcp profile) every {@code every}; expiries go to the log.
   */
  public ApprovalExpiry(IntSupplier expireStale, Duration every) {
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            int expired = expireStale.getAsInt();
            if (expired > 0) {
              LOG.info("{} pending approval(s) expired", expired);
            }
          } catch (RuntimeException e) {
            LOG.warn("expiring approvals failed", e);
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
