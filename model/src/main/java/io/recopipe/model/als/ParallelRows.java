package io.recopipe.model.als;

import io.recopipe.model.error.OperationFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs a loop over rows in fixed-size blocks on a fixed number of threads, and returns each block's
 * partial sums in block order; because block boundaries do not depend on the thread count and
 * partials are combined in block order, results are bit-identical for 1 or N threads.
 */
final class ParallelRows implements AutoCloseable {
  /** One block of rows with a per-thread scratch state. */
  interface Body<W> {
    void run(int from, int to, W scratch, double[] partials);
  }

  private final int threads;
  private final ExecutorService pool;

  ParallelRows(int threads) {
    this.threads = threads;
    this.pool =
        threads > 1
            ? Executors.newFixedThreadPool(
                threads,
                runnable -> {
                  Thread thread = new Thread(runnable, "recopipe-als");
                  thread.setDaemon(true);
                  return thread;
                })
            : null;
  }

  /**
   * Runs {@code body} over rows {@code [0, rows)} in blocks of {@code blockRows}, and returns the
   * per-block partial sums (each {@code partialCount} long) added up in block order.
   */
  <W> double[] run(int rows, int blockRows, int partialCount, Supplier<W> scratch, Body<W> body) {
    int blocks = (rows + blockRows - 1) / blockRows;
    double[][] partials = new double[blocks][partialCount];
    if (pool == null || blocks <= 1) {
      W state = scratch.get();
      for (int block = 0; block < blocks; block++) {
        int from = block * blockRows;
        body.run(from, Math.min(rows, from + blockRows), state, partials[block]);
      }
    } else {
      AtomicInteger next = new AtomicInteger();
      List<Future<?>> futures = new ArrayList<>(threads);
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  W state = scratch.get();
                  for (int block = next.getAndIncrement();
                      block < blocks;
                      block = next.getAndIncrement()) {
                    int from = block * blockRows;
                    body.run(from, Math.min(rows, from + blockRows), state, partials[block]);
                  }
                }));
      }
      await(futures);
    }
    double[] total = new double[partialCount];
    for (double[] partial : partials) {
      for (int p = 0; p < partialCount; p++) {
        total[p] += partial[p];
      }
    }
    return total;
  }

  private static void await(List<Future<?>> futures) {
    try {
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OperationFailedException("ALS was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
