package io.recopipe.components.synthetic;

import io.recopipe.model.data.Ratings;

/**
 * Generated ratings with the truth they were drawn from, so a benchmark can report how close a
 * trained model gets to the best achievable error ({@link #plantedRmse()}).
 */
public final class SyntheticDataset {
  private final SyntheticSpec spec;
  private final long seed;
  private final Ratings ratings;
  private final PlantedTruth truth;
  private final double plantedRmse;

  SyntheticDataset(
      SyntheticSpec spec, long seed, Ratings ratings, PlantedTruth truth, double plantedRmse) {
    this.spec = spec;
    this.seed = seed;
    this.ratings = ratings;
    this.truth = truth;
    this.plantedRmse = plantedRmse;
  }

  public SyntheticSpec spec() {
    return spec;
  }

  public long seed() {
    return seed;
  }

  /** The ratings: user ids "1".."users", item ids "1".."items", dense indexes in id order. */
  public Ratings ratings() {
    return ratings;
  }

  /** The planted model. */
  public PlantedTruth truth() {
    return truth;
  }

  /** The standard deviation of the Gaussian noise planted before rounding. */
  public double plantedNoiseSd() {
    return spec.noiseSd();
  }

  /**
   * The RMSE of the planted (noiseless) scores against the generated ratings: what a model that
   * recovered the truth exactly would score, noise plus rounding and clipping.
   */
  public double plantedRmse() {
    return plantedRmse;
  }

  @Override
  public String toString() {
    return "SyntheticDataset["
        + ratings
        + ", seed "
        + seed
        + ", noise sd "
        + spec.noiseSd()
        + ", planted RMSE "
        + String.format(java.util.Locale.ROOT, "%.3f", plantedRmse)
        + "]";
  }
}
