package io.recopipe.components.synthetic;

import io.recopipe.model.error.InvalidInputException;

/**
 * The size and planted truth of a synthetic data set: ratings = global mean + user and item
 * intercepts + a rank-{@code rank} interaction + Gaussian noise, rounded and clipped to 1..5; the
 * defaults make ratings look like MovieLens (mean about 3.5, standard deviation about 1.1) and make
 * the best achievable RMSE about 0.85, MovieLens's.
 *
 * @param users how many users (ids "1".."users")
 * @param items how many items (ids "1".."items")
 * @param ratings the exact number of ratings
 * @param rank the rank of the planted interaction
 * @param globalMean the planted global mean
 * @param userBiasSd the standard deviation of user intercepts
 * @param itemBiasSd the standard deviation of item intercepts
 * @param interactionSd the standard deviation of the planted user·item interaction
 * @param noiseSd the standard deviation of the Gaussian noise added before rounding
 */
public record SyntheticSpec(
    int users,
    int items,
    int ratings,
    int rank,
    double globalMean,
    double userBiasSd,
    double itemBiasSd,
    double interactionSd,
    double noiseSd) {

  /** MovieLens's floor: each user has at least 20 ratings. */
  public static final int MIN_RATINGS_PER_USER = 20;

  /** The default planted noise: with rounding it gives a best RMSE close to MovieLens's 0.85. */
  public static final double DEFAULT_NOISE_SD = 0.85;

  /** Validates the sizes and parameters. */
  public SyntheticSpec {
    if (users < 1 || items < 1 || rank < 1) {
      throw new InvalidInputException(
          "users, items and rank must be >= 1, got " + users + ", " + items + ", " + rank);
    }
    long least = (long) users * Math.min(MIN_RATINGS_PER_USER, items);
    long most = (long) users * items;
    if (ratings < least || ratings > most) {
      throw new InvalidInputException(
          "ratings must be between "
              + least
              + " (users × "
              + Math.min(MIN_RATINGS_PER_USER, items)
              + ") and "
              + most
              + " (users × items), got "
              + ratings);
    }
    if (!(userBiasSd >= 0 && itemBiasSd >= 0 && interactionSd >= 0 && noiseSd >= 0)
        || !Double.isFinite(globalMean)) {
      throw new InvalidInputException("standard deviations must be >= 0 and the mean finite");
    }
  }

  /** The spec of {@code preset} with the default truth. */
  public static SyntheticSpec of(Preset preset) {
    return custom(preset.users(), preset.items(), preset.ratings());
  }

  /** A custom size with the default truth (rank 10, mean 3.5, noise sd 0.85). */
  public static SyntheticSpec custom(int users, int items, int ratings) {
    return new SyntheticSpec(users, items, ratings, 10, 3.5, 0.35, 0.4, 0.55, DEFAULT_NOISE_SD);
  }

  /** The same spec with another noise level. */
  public SyntheticSpec withNoiseSd(double sd) {
    return new SyntheticSpec(
        users, items, ratings, rank, globalMean, userBiasSd, itemBiasSd, interactionSd, sd);
  }

  /** The same spec with another planted rank. */
  public SyntheticSpec withRank(int planted) {
    return new SyntheticSpec(
        users, items, ratings, planted, globalMean, userBiasSd, itemBiasSd, interactionSd, noiseSd);
  }

  /** The least ratings a user gets: 20, or every item when there are fewer. */
  public int minRatingsPerUser() {
    return Math.min(MIN_RATINGS_PER_USER, items);
  }

  /** The most ratings a user gets: three quarters of the items, or more when the data is denser. */
  public int maxRatingsPerUser() {
    int needed = (int) ((ratings + (long) users - 1) / users);
    return Math.min(items, Math.max(Math.max(needed, minRatingsPerUser()), items * 3 / 4));
  }
}
