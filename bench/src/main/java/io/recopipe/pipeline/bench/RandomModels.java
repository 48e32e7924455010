package io.recopipe.pipeline.bench;

import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.scoring.RatedItems;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The pieces of a random matrix-factorization model the top-N benchmarks score ({@code recopipe
 * bench topk} and {@link TopKJmh}), written once so both measure the same kind of model from the
 * same draws.
 */
public final class RandomModels {
  private RandomModels() {}

  /** {@code count} draws of N(0, sigma²), by Box–Muller (SplittableRandom has no nextGaussian). */
  public static float[] gaussian(SplittableRandom random, int count, double sigma) {
    float[] values = new float[count];
    for (int n = 0; n < count; n++) {
      double u1 = 1 - random.nextDouble();
      double u2 = random.nextDouble();
      values[n] = (float) (sigma * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
    }
    return values;
  }

  /** Ids {@code prefix0} … {@code prefix(count-1)}. */
  public static IdDictionary ids(String prefix, int count) {
    return IdDictionary.of(IntStream.range(0, count).mapToObj(n -> prefix + n).toList());
  }

  /** Up to {@code perUser} distinct random items rated by each of {@code users} users. */
  public static RatedItems rated(SplittableRandom random, int users, int items, int perUser) {
    int[] offsets = new int[users + 1];
    IntStream.Builder all = IntStream.builder();
    for (int u = 0; u < users; u++) {
      int[] row = random.ints(perUser, 0, items).sorted().distinct().toArray();
      for (int item : row) {
        all.add(item);
      }
      offsets[u + 1] = offsets[u] + row.length;
    }
    return RatedItems.fromCsr(offsets, all.build().toArray(), items);
  }
}
