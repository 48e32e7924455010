package io.recopipe.model.scoring;

import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.mf.MfModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Gets the batch top-K path (block scoring and selection, Vector API kernels included) compiled by
 * the optimizing JIT before a step scores every user: cold, those kernels run as allocating library
 * calls, and scoring ml-1m's users took most of a second more than compiled. It recommends for a
 * small random model until a call takes what compiled code takes, or a time cap passes; the results
 * are discarded, so no output depends on it.
 */
final class ScoringWarmup {
  /** Stops after this long (a loaded machine; results are unaffected). */
  private static final long CAP_NANOS = 3_000_000_000L;

  /** A compiled call on the warm-up model takes a few milliseconds; a cold one, hundreds. */
  private static final long COMPILED_NANOS = 15_000_000L;

  /** Calls made back to back before pausing between calls for the compiler. */
  private static final int TRIGGER_CALLS = 3;

  private static final int USERS = 64;
  private static final int ITEMS = 1024;
  private static final int FACTORS = 64;
  private static final int TOP = 50;

  private static volatile boolean warm;

  private ScoringWarmup() {}

  /** Warms the path once per JVM; a no-op without the Vector API. */
  static void ensureWarm() {
    if (warm || !ItemScorer.VECTOR_API) {
      return;
    }
    synchronized (ScoringWarmup.class) {
      if (!warm) {
        warm();
        warm = true;
      }
    }
  }

  private static void warm() {
    BatchRecommender batch = new BatchRecommender(randomModel(), RatedItems.none(), 1);
    long start = System.nanoTime();
    for (int call = 0; System.nanoTime() - start < CAP_NANOS; call++) {
      long callStart = System.nanoTime();
      batch.recommendAll(TOP, false);
      if (System.nanoTime() - callStart < COMPILED_NANOS) {
        return;
      }
      if (call >= TRIGGER_CALLS) {
        pause(); // queued for compilation: leave the cores to the compiler
      }
    }
  }

  private static MfModel randomModel() {
    SplittableRandom random = new SplittableRandom(1);
    float[] userFactors = gaussian(random, USERS * FACTORS);
    float[] itemFactors = gaussian(random, ITEMS * FACTORS);
    return new MfModel(
        ids("u", USERS),
        ids("i", ITEMS),
        FACTORS,
        3.5f,
        userFactors,
        gaussian(random, USERS),
        itemFactors,
        gaussian(random, ITEMS));
  }

  private static IdDictionary ids(String prefix, int count) {
    List<String> ids = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      ids.add(prefix + n);
    }
    return IdDictionary.of(ids);
  }

  private static float[] gaussian(SplittableRandom random, int count) {
    float[] values = new float[count];
    for (int n = 0; n < count; n++) {
      values[n] = (float) (0.1 * random.nextGaussian());
    }
    return values;
  }

  private static void pause() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
