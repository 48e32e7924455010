package io.recopipe.components.synthetic;

import java.util.SplittableRandom;

/**
 * The model the synthetic ratings were drawn from: global mean, user and item intercepts and rank-k
 * factors; kept so tests and benchmarks can compare what ALS learns with what was planted. Indexes
 * are dense (id "1" is index 0).
 */
public final class PlantedTruth {
  /** How much more intercept popular items get than obscure ones (popular films rate higher). */
  private static final double POPULARITY_TILT = 0.3;

  private final int rank;
  private final double globalMean;
  private final double noiseSd;
  private final float[] userFactors;
  private final float[] itemFactors;
  private final float[] userBias;
  private final float[] itemBias;

  private PlantedTruth(
      SyntheticSpec spec,
      float[] userFactors,
      float[] itemFactors,
      float[] userBias,
      float[] itemBias) {
    this.rank = spec.rank();
    this.globalMean = spec.globalMean();
    this.noiseSd = spec.noiseSd();
    this.userFactors = userFactors;
    this.itemFactors = itemFactors;
    this.userBias = userBias;
    this.itemBias = itemBias;
  }

  /** Draws the truth; each user's and item's values come from its own seeded stream. */
  static PlantedTruth draw(SyntheticSpec spec, long seed, int[] itemPopularityRank) {
    int k = spec.rank();
    // var(p·q) = k · sd⁴ for independent factors, so this sd gives the requested interaction sd
    double factorSd = Math.sqrt(spec.interactionSd() / Math.sqrt(k));
    float[] userFactors = new float[spec.users() * k];
    float[] userBias = new float[spec.users()];
    for (int u = 0; u < spec.users(); u++) {
      SplittableRandom random = Seeds.stream(seed, Seeds.USER_TRUTH, u);
      userBias[u] = (float) (spec.userBiasSd() * random.nextGaussian());
      for (int f = 0; f < k; f++) {
        userFactors[u * k + f] = (float) (factorSd * random.nextGaussian());
      }
    }
    float[] itemFactors = new float[spec.items() * k];
    float[] itemBias = new float[spec.items()];
    for (int i = 0; i < spec.items(); i++) {
      SplittableRandom random = Seeds.stream(seed, Seeds.ITEM_TRUTH, i);
      double relativeRank = (itemPopularityRank[i] + 0.5) / spec.items();
      itemBias[i] =
          (float)
              (spec.itemBiasSd() * random.nextGaussian() + POPULARITY_TILT * (0.5 - relativeRank));
      for (int f = 0; f < k; f++) {
        itemFactors[i * k + f] = (float) (factorSd * random.nextGaussian());
      }
    }
    return new PlantedTruth(spec, userFactors, itemFactors, userBias, itemBias);
  }

  /** The noiseless planted score of (user, item), before noise, rounding and clipping. */
  public double score(int user, int item) {
    double dot = 0;
    int u = user * rank;
    int i = item * rank;
    for (int f = 0; f < rank; f++) {
      dot += userFactors[u + f] * itemFactors[i + f];
    }
    return globalMean + userBias[user] + itemBias[item] + dot;
  }

  public int rank() {
    return rank;
  }

  public double globalMean() {
    return globalMean;
  }

  /** The standard deviation of the Gaussian noise added before rounding. */
  public double noiseSd() {
    return noiseSd;
  }

  public double userBias(int user) {
    return userBias[user];
  }

  public double itemBias(int item) {
    return itemBias[item];
  }
}
