package io.recopipe.serving.http;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests being served and whether the server is draining, so that a graceful stop can tell
 * clients to close their connections and wait until the last response is out.
 */
public final class InFlight {
  private final AtomicInteger count = new AtomicInteger();
  private volatile boolean draining;
  private volatile long lastChangeNanos = System.nanoTime();

  /** A request started. */
  public void begin() {
    count.incrementAndGet();
    lastChangeNanos = System.nanoTime();
  }

  /** A request ended. */
  public void end() {
    count.decrementAndGet();
    lastChangeNanos = System.nanoTime();
  }

  /** Requests being served now. */
  public int count() {
    return count.get();
  }

  /** Marks the server as draining (responses ask clients to close the connection). */
  public void startDraining() {
    draining = true;
  }

  /** Whether a graceful stop has begun. */
  public boolean draining() {
    return draining;
  }

  /**
   * Waits until no request has been in flight for {@code quietMillis}, or {@code timeoutMillis}
   * passed; returns whether it got quiet.
   */
  public boolean awaitQuiet(long quietMillis, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    while (System.nanoTime() < deadline) {
      if (count.get() == 0 && System.nanoTime() - lastChangeNanos >= quietMillis * 1_000_000L) {
        return true;
      }
      Thread.sleep(10);
    }
    return count.get() == 0;
  }
}
