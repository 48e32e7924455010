package io.recopipe.serving.http;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of scoring threads that score {@code :predict} batches strictly in arrival order,
 * because a batch scored on an event loop would hold up every other connection of that loop for its
 * whole scoring (single users are cheaper to score on the loop than to hand over). The deploy looks
 * for this class in an image before it passes {@code --workers}, so images built before it keep
 * running with the flags they accept.
 */
final class ScoringQueue {
  private final ExecutorService threads;

  /** Starts {@code workers} (at least one) daemon threads named {@code scoring-N}. */
  ScoringQueue(int workers) {
    AtomicInteger count = new AtomicInteger();
    threads =
        new ThreadPoolExecutor(
            workers,
            workers,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "scoring-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Queues {@code task}; false once the queue is stopping (the caller answers 503). */
  boolean submit(Runnable task) {
    try {
      threads.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** Lets queued predictions finish and refuses new ones. */
  void stop() {
    threads.shutdown();
  }
}
