package io.recopipe.model.scoring;

import io.recopipe.model.error.OperationFailedException;
import io.recopipe.model.mf.MfModel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Computes the top-K items for every user of a model (ML.RECOMMEND with no input, ranked), in
 * blocks of users spread over threads; each user's list is independent of the thread count.
 */
public final class BatchRecommender {
  private static final int BLOCK_USERS = 64;

  private final ItemScorer scorer;
  private final RatedItems rated;
  private final int threads;

  /** Creates a batch recommender using {@code threads} threads. */
  public BatchRecommender(MfModel model, RatedItems rated, int threads) {
    // block scoring shares each load of item factors among users, which the int8 screen
    // (built per user) did not beat at ml-1m's size: no screen to build
    this.scorer = ItemScorer.withoutScreen(model);
    this.rated = rated;
    this.threads = Math.max(1, threads);
  }

  /**
   * The result: row u holds user u's top items and scores, best first ({@code counts[u]} valid).
   */
  public record Table(int k, int[] counts, int[] items, float[] ratings) {
    /** Item index at {@code rank} (0-based) for user {@code u}. */
    public int item(int u, int rank) {
      return items[u * k + rank];
    }

    /** Predicted rating at {@code rank} for user {@code u}. */
    public float rating(int u, int rank) {
      return ratings[u * k + rank];
    }
  }

  /**
   * Gets the batch top-K path compiled by the JIT (once per JVM), so a caller can do it on a
   * background thread and a later {@link #recommendAll} runs compiled from its start; what that
   * returns does not depend on it.
   */
  public static void warmUp() {
    ScoringWarmup.ensureWarm();
  }

  /** Ranks the top {@code k} items for every user, excluding rated items when asked. */
  public Table recommendAll(int k, boolean excludeRated) {
    int users = scorer.model().users().size();
    int[] counts = new int[users];
    int[] items = new int[users * k];
    float[] ratings = new float[users * k];
    int blocks = (users + BLOCK_USERS - 1) / BLOCK_USERS;
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          Recommender recommender = new Recommender(scorer, rated);
          TopK top = new TopK(k);
          int[] rowItems = new int[k];
          float[] rowRatings = new float[k];
          int itemCount = scorer.model().items().size();
          float[][] scores = new float[BLOCK_USERS][itemCount];
          float[] scratch = new float[itemCount];
          for (int block = next.getAndIncrement(); block < blocks; block = next.getAndIncrement()) {
            int first = block * BLOCK_USERS;
            int end = Math.min(users, first + BLOCK_USERS);
            scorer.scoreBlock(first, end - first, scores, scratch);
            for (int u = first; u < end; u++) {
              top.clear();
              recommender.topOf(u, scores[u - first], excludeRated, top);
              int n = top.drainBestFirst(rowItems, rowRatings);
              counts[u] = n;
              System.arraycopy(rowItems, 0, items, u * k, n);
              System.arraycopy(rowRatings, 0, ratings, u * k, n);
            }
          }
        };
    if (threads == 1) {
      worker.run();
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        java.util.List<Future<?>> futures = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
          futures.add(pool.submit(worker));
        }
        for (Future<?> future : futures) {
          future.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OperationFailedException("interrupted while recommending", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("recommending failed: " + e.getCause(), e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    return new Table(k, counts, items, ratings);
  }
}
