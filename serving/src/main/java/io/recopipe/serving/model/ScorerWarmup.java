package io.recopipe.serving.model;

import io.recopipe.model.scoring.ItemScorer;
import io.recopipe.model.scoring.RatedItems;
import io.recopipe.model.scoring.Recommender;

/**
 * Runs a model's fast scorer on its own users until the optimizing JIT has compiled it, before
 * requests switch to it: cold, Vector API kernels run as allocating library calls, and the first
 * answers of a fresh server took tenths of a second each when they paid for that. Requests
 * meanwhile use the plain scorer, which gives the same answers; the answers computed here are
 * discarded.
 */
final class ScorerWarmup {
  /** Switches anyway after this long (a loaded machine; answers are the same either way). */
  private static final long CAP_NANOS = 2_000_000_000L;

  /** Compiled, a call costs well under a nanosecond per item and factor; cold, tens. */
  private static final double COMPILED_NANOS_PER_ITEM_FACTOR = 1.0;

  /** A floor for tiny catalogs, where fixed costs dominate. */
  private static final long MIN_COMPILED_NANOS = 100_000;

  /** Calls made before a fast one counts (the first may be fast by chance of a tiny model). */
  private static final int MIN_CALLS = 3;

  /** The list length warmed: a typical top-K. */
  private static final int TOP = 50;

  private ScorerWarmup() {}

  /**
   * Recommends for {@code scorer}'s users in turn, rated items excluded as requests do, until a
   * call takes what compiled code takes or {@value #CAP_NANOS} ns have passed.
   */
  static void run(ItemScorer scorer, RatedItems rated) {
    int users = scorer.model().users().size();
    if (users == 0) {
      return;
    }
    Recommender recommender = new Recommender(scorer, rated);
    long compiled =
        Math.max(
            MIN_COMPILED_NANOS,
            (long)
                (COMPILED_NANOS_PER_ITEM_FACTOR
                    * scorer.model().items().size()
                    * scorer.model().numFactors()));
    int top = Math.min(TOP, Math.max(1, scorer.model().items().size()));
    int[] items = new int[top];
    float[] ratings = new float[top];
    long start = System.nanoTime();
    for (int call = 0; System.nanoTime() - start < CAP_NANOS; call++) {
      long callStart = System.nanoTime();
      recommender.topItems(call % users, top, true, items, ratings);
      if (call >= MIN_CALLS && System.nanoTime() - callStart < compiled) {
        return;
      }
    }
  }
}
