package io.recopipe.pipeline.conformance;

import io.recopipe.components.synthetic.PlantedTruth;
import io.recopipe.components.synthetic.SyntheticDataset;
import io.recopipe.components.synthetic.SyntheticGenerator;
import io.recopipe.components.synthetic.SyntheticSpec;
import io.recopipe.model.data.Ratings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;

/**
 * A small rating set with a planted low-rank structure, drawn by the synthetic generator and
 * re-rated on any scale (whole stars, half stars, 0..10 decimals, continuous), so that every
 * release fixture holds data the shipped pipeline can learn well enough to pass its R² gate.
 */
final class PlantedRatings {
  static final int USERS = 100;
  static final int ITEMS = 200;
  static final int RATINGS = 3_000;

  /** Rank 2 with strong intercepts: ~30 ratings a user give held-out R² 0.7-0.8 (gate: 0.2). */
  private static final SyntheticSpec SPEC =
      new SyntheticSpec(USERS, ITEMS, RATINGS, 2, 3.2, 0.5, 0.6, 0.6, 0);

  /** Noise on the 1..5 planted scale, added before the rating is snapped to its scale. */
  private static final double NOISE_SD = 0.35;

  /** One rating: 0-based user and item indexes, the rating, epoch seconds. */
  record Row(int user, int item, double rating, long epochSeconds) {}

  /**
   * A rating scale as a release writes it.
   *
   * @param min the smallest rating
   * @param max the largest rating
   * @param step the granularity (1 whole stars, 0.5 half stars, 0.1 one decimal)
   */
  record Scale(double min, double max, double step) {
    static final Scale WHOLE_STARS = new Scale(1, 5, 1);
    static final Scale HALF_STARS = new Scale(0.5, 5, 0.5);

    double snap(double value) {
      double snapped = min + Math.round((value - min) / step) * step;
      return Math.max(min, Math.min(max, Math.round(snapped * 1e6) / 1e6));
    }
  }

  private final List<Row> rows;

  private PlantedRatings(List<Row> rows) {
    this.rows = rows;
  }

  /** Draws the ratings of {@code seed} on {@code scale}; the same seed gives the same pairs. */
  static PlantedRatings generate(Scale scale, long seed) {
    SyntheticDataset data = SyntheticGenerator.generate(SPEC, seed);
    Ratings pairs = data.ratings();
    PlantedTruth truth = data.truth();
    SplittableRandom noise = new SplittableRandom(seed);
    List<Row> rows = new ArrayList<>(pairs.size());
    for (int n = 0; n < pairs.size(); n++) {
      int user = pairs.user(n);
      int item = pairs.item(n);
      double unit = (truth.score(user, item) + NOISE_SD * noise.nextGaussian() - 1) / 4;
      double rating = scale.snap(scale.min() + unit * (scale.max() - scale.min()));
      rows.add(new Row(user, item, rating, pairs.timestamp(n)));
    }
    return new PlantedRatings(List.copyOf(rows));
  }

  /** The same ratings at other times (say, cut to the day, as Amazon's review times are). */
  PlantedRatings withTimes(LongUnaryOperator time) {
    return new PlantedRatings(
        rows.stream()
            .map(
                row ->
                    new Row(
                        row.user(), row.item(), row.rating(), time.applyAsLong(row.epochSeconds())))
            .toList());
  }

  List<Row> rows() {
    return rows;
  }

  double minRating() {
    return rows.stream().mapToDouble(Row::rating).min().orElseThrow();
  }

  double maxRating() {
    return rows.stream().mapToDouble(Row::rating).max().orElseThrow();
  }

  long latestTime() {
    return rows.stream().mapToLong(Row::epochSeconds).max().orElseThrow();
  }

  /** The index of the user with the most ratings: certainly in the training split. */
  int mostActiveUser() {
    int[] counts = new int[USERS];
    rows.forEach(row -> counts[row.user()]++);
    int best = 0;
    for (int user = 1; user < USERS; user++) {
      best = counts[user] > counts[best] ? user : best;
    }
    return best;
  }

  /** {@code 4} for whole values and {@code 3.5} otherwise, as MovieLens's .dat files write. */
  static String plain(double rating) {
    return rating == Math.rint(rating) ? Long.toString((long) rating) : Double.toString(rating);
  }

  /** Always one decimal ({@code 4.0}, {@code 3.5}), as ratings.csv and Amazon's files write. */
  static String oneDecimal(double rating) {
    return String.format(Locale.ROOT, "%.1f", rating);
  }
}
