package io.recopipe.components.synthetic;

import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.data.Ratings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Generates MovieLens-shaped ratings with a planted low-rank truth: Zipf-like item popularity and
 * user activity (every user at least 20 ratings), distinct items per user, integer ratings 1..5 and
 * increasing timestamps. Benchmarks and tests at any scale run on it, and because the truth is
 * known, a trainer's RMSE can be judged against the planted noise. Output depends only on the spec
 * and the seed, never on the thread count: every user draws from its own seeded stream.
 */
public final class SyntheticGenerator {
  private static final int MAX_CHUNKS = 256;

  private SyntheticGenerator() {}

  /** Generates the data set of {@code preset}. */
  public static SyntheticDataset generate(Preset preset, long seed) {
    return generate(SyntheticSpec.of(preset), seed);
  }

  /** Generates the data set of {@code spec}. */
  public static SyntheticDataset generate(SyntheticSpec spec, long seed) {
    SplittableRandom layout = Seeds.stream(seed, Seeds.LAYOUT, 0);
    int[] itemRank = Seeds.permutation(spec.items(), layout);
    int[] userRank = Seeds.permutation(spec.users(), layout);
    double[] activity = PowerLawCurve.USER_ACTIVITY.weightsAboveLast(userRank);
    int[] counts =
        ActivityAllocator.allocate(
            activity, spec.ratings(), spec.minRatingsPerUser(), spec.maxRatingsPerUser());
    int[] offsets = new int[spec.users() + 1];
    for (int u = 0; u < spec.users(); u++) {
      offsets[u + 1] = offsets[u] + counts[u];
    }
    int[] itemOf =
        sampleItems(spec, seed, PowerLawCurve.ITEM_POPULARITY.weights(itemRank), offsets);
    CoverageFixer.fix(itemOf, offsets, spec.items(), Seeds.stream(seed, Seeds.COVER, 0));
    PlantedTruth truth = PlantedTruth.draw(spec, seed, itemRank);
    return rate(spec, seed, truth, itemOf, offsets);
  }

  /** Samples users' items in parallel chunks; each user has its own stream and slot range. */
  private static int[] sampleItems(
      SyntheticSpec spec, long seed, double[] popularity, int[] offsets) {
    ItemSampler sampler = new ItemSampler(popularity);
    int[] itemOf = new int[spec.ratings()];
    int users = spec.users();
    int chunks = Math.min(users, MAX_CHUNKS);
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            chunk -> {
              int[] marks = new int[spec.items()];
              for (int u = chunk; u < users; u += chunks) {
                int count = offsets[u + 1] - offsets[u];
                sampler.sample(
                    Seeds.stream(seed, Seeds.SAMPLE, u), count, itemOf, offsets[u], marks, u + 1);
              }
            });
    return itemOf;
  }

  /** Ratings and timestamps by row, and each user's squared error against the truth. */
  private record Drawn(float[] ratingOf, long[] timeOf, double[] userErrors) {}

  /**
   * Rates every user's items (see {@link #draw}) and hands the drawn columns to the store as they
   * are: no builder, no copy.
   */
  private static SyntheticDataset rate(
      SyntheticSpec spec, long seed, PlantedTruth truth, int[] itemOf, int[] offsets) {
    Drawn drawn = draw(spec, seed, truth, itemOf, offsets);
    int users = spec.users();
    int[] userOf = new int[spec.ratings()];
    int chunks = Math.min(users, MAX_CHUNKS);
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            chunk -> {
              for (int u = chunk; u < users; u += chunks) {
                Arrays.fill(userOf, offsets[u], offsets[u + 1], u);
              }
            });
    double squaredError = 0;
    for (int u = 0; u < users; u++) {
      squaredError += drawn.userErrors()[u];
    }
    Ratings ratings =
        Ratings.of(
            numbered(users),
            numbered(spec.items()),
            userOf,
            itemOf,
            drawn.ratingOf(),
            drawn.timeOf());
    double plantedRmse = Math.sqrt(squaredError / spec.ratings());
    return new SyntheticDataset(spec, seed, ratings, truth, plantedRmse);
  }

  /** The ids "1".."count" in that order. */
  private static IdDictionary numbered(int count) {
    List<String> ids = new ArrayList<>(count);
    for (int n = 1; n <= count; n++) {
      ids.add(Integer.toString(n));
    }
    return IdDictionary.of(ids);
  }

  /**
   * Draws ratings and timestamps user by user in parallel chunks; each user has its own stream, so
   * the values never depend on the thread count.
   */
  private static Drawn draw(
      SyntheticSpec spec, long seed, PlantedTruth truth, int[] itemOf, int[] offsets) {
    int users = spec.users();
    float[] ratingOf = new float[spec.ratings()];
    long[] timeOf = new long[spec.ratings()];
    double[] userErrors = new double[users];
    double noiseSd = spec.noiseSd();
    int chunks = Math.min(users, MAX_CHUNKS);
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            chunk -> {
              for (int u = chunk; u < users; u += chunks) {
                SplittableRandom random = Seeds.stream(seed, Seeds.RATE, u);
                long time = RatingTimeline.joinTime(random);
                double userError = 0;
                for (int n = offsets[u]; n < offsets[u + 1]; n++) {
                  double score = truth.score(u, itemOf[n]);
                  long rounded = Math.round(score + noiseSd * random.nextGaussian());
                  float rating = Math.max(1, Math.min(5, rounded));
                  userError += (rating - score) * (rating - score);
                  time += RatingTimeline.nextGap(random);
                  ratingOf[n] = rating;
                  timeOf[n] = time;
                }
                userErrors[u] = userError;
              }
            });
    return new Drawn(ratingOf, timeOf, userErrors);
  }
}
