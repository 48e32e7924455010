package io.recopipe.model.scoring;

import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.mf.MfModel;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Random models for the screened top-K tests, in the shapes that stress it: ordinary Gaussian
 * factors, few distinct values (many exact ties), huge and tiny (underflowing) magnitudes, zero
 * vectors, non-finite values and values whose scores overflow.
 */
final class RandomModels {
  /** What the factors and intercepts look like. */
  enum Kind {
    GAUSSIAN,
    TIES,
    HUGE,
    TINY,
    ZEROS,
    NON_FINITE,
    OVERFLOWING
  }

  private RandomModels() {}

  /** A model of {@code users} × {@code items} with {@code k} factors of the given kind. */
  static MfModel of(Kind kind, int users, int items, int k, long seed) {
    Random random = new Random(seed);
    float[] x = new float[users * k];
    float[] y = new float[items * k];
    float[] userIntercepts = new float[users];
    float[] itemIntercepts = new float[items];
    fill(kind, random, x, 0.4);
    fill(kind, random, y, 0.4);
    fill(kind, random, userIntercepts, 0.3);
    fill(kind, random, itemIntercepts, 0.3);
    if (kind == Kind.ZEROS) {
      for (int u = 0; u < users; u += 3) {
        java.util.Arrays.fill(x, u * k, u * k + k, 0f);
      }
      for (int i = 0; i < items; i += 2) {
        java.util.Arrays.fill(y, i * k, i * k + k, 0f);
      }
    }
    if (kind == Kind.NON_FINITE) {
      float[] odd = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
      x[random.nextInt(x.length)] = odd[random.nextInt(3)];
      if (random.nextBoolean()) {
        y[random.nextInt(y.length)] = odd[random.nextInt(3)];
      }
    }
    float global = kind == Kind.TIES || kind == Kind.ZEROS || kind == Kind.TINY ? 0f : 3.5f;
    return new MfModel(
        ids("u", users), ids("i", items), k, global, x, userIntercepts, y, itemIntercepts);
  }

  private static void fill(Kind kind, Random random, float[] values, double sigma) {
    for (int n = 0; n < values.length; n++) {
      values[n] =
          switch (kind) {
            case TIES -> random.nextInt(3) - 1; // -1, 0, 1: scores are small integers
            case HUGE -> (float) (random.nextGaussian() * 1e7);
            case OVERFLOWING -> (float) (random.nextGaussian() * 1e19); // sums reach infinity
            case TINY -> (float) (random.nextGaussian() * 1e-21); // products underflow
            case ZEROS -> random.nextInt(4) == 0 ? -0f : (float) (random.nextGaussian() * sigma);
            default -> (float) (random.nextGaussian() * sigma);
          };
    }
  }

  /** Random sorted rated-item lists, {@code perUser} on average, one user rating every item. */
  static RatedItems rated(int users, int items, int perUser, long seed) {
    Random random = new Random(seed);
    int[] offsets = new int[users + 1];
    IntStream.Builder all = IntStream.builder();
    for (int u = 0; u < users; u++) {
      int count = 0;
      for (int i = 0; i < items; i++) {
        if (u == 1 || random.nextInt(items) < perUser) {
          all.add(i);
          count++;
        }
      }
      offsets[u + 1] = offsets[u] + count;
    }
    return RatedItems.fromCsr(offsets, all.build().toArray(), items);
  }

  private static IdDictionary ids(String prefix, int count) {
    List<String> ids = IntStream.range(0, count).mapToObj(n -> prefix + n).toList();
    return IdDictionary.of(ids);
  }
}
