package io.recopipe.model.metrics;

import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.mf.MfModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes ML.EVALUATE's explicit matrix-factorization columns ({@code mean_absolute_error}, {@code
 * mean_squared_error}, {@code mean_squared_log_error}, {@code median_absolute_error}, {@code
 * r2_score}, {@code explained_variance}) plus {@code root_mean_squared_error} in one pass, so the
 * pipeline's evaluation step reports the same numbers as BigQuery ML under the same names.
 *
 * <p><b>Clipping.</b> A matrix-factorization prediction is an unbounded sum of intercepts and a dot
 * product, so it can fall outside the rating scale (5.6 stars, −0.3 stars). Every client that shows
 * or uses a rating clamps it into the scale, so by default the evaluator clamps predictions to
 * {@code [1, 5]} (MovieLens) before computing any metric: the metrics then measure what users would
 * see, and the clamp can only lower each absolute error. {@link #clipTo} sets another scale; {@link
 * #unclipped()} measures the raw model output, e.g. to compare with a tool that does not clip. How
 * many predictions were clamped is reported in {@link RegressionEvaluation#clippedRows()}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RegressionEvaluator {
  /** Lowest rating of the default scale (MovieLens 1..5 stars). */
  public static final float DEFAULT_MIN_RATING = 1f;

  /** Highest rating of the default scale (MovieLens 1..5 stars). */
  public static final float DEFAULT_MAX_RATING = 5f;

  private static final List<RegressionMetric> METRICS =
      List.of(
          new MeanAbsoluteError(),
          new MeanSquaredError(),
          new MeanSquaredLogError(),
          new MedianAbsoluteError(),
          new R2Score(),
          new ExplainedVariance(),
          new RootMeanSquaredError());

  private final boolean clipping;
  private final float min;
  private final float max;

  private RegressionEvaluator(boolean clipping, float min, float max) {
    this.clipping = clipping;
    this.min = min;
    this.max = max;
  }

  /** Returns an evaluator that clips predictions to the default 1..5 scale. */
  public static RegressionEvaluator create() {
    return new RegressionEvaluator(true, DEFAULT_MIN_RATING, DEFAULT_MAX_RATING);
  }

  /**
   * Returns an evaluator that clips to the rating range seen in {@code train} (e.g. 0.5..5 for the
   * half-star MovieLens releases), the scale a model trained on it is meant to predict.
   */
  public static RegressionEvaluator forScaleOf(io.recopipe.model.data.Ratings train) {
    return train.size() == 0 ? create() : forRange(RatingRange.of(train));
  }

  /**
   * Returns an evaluator that clips to {@code range}, e.g. the range an ingested dataset records,
   * so every step judges predictions on the scale the data was found to have.
   */
  public static RegressionEvaluator forRange(RatingRange range) {
    return new RegressionEvaluator(true, range.min(), range.max());
  }

  /** Returns the metrics every evaluation reports, in column order. */
  public static List<RegressionMetric> metrics() {
    return METRICS;
  }

  /**
   * Returns an evaluator that clamps predictions into {@code [min, max]}, the rating scale.
   *
   * @throws IllegalArgumentException when a bound is not finite or {@code min > max}
   */
  public RegressionEvaluator clipTo(float min, float max) {
    if (!Float.isFinite(min) || !Float.isFinite(max) || min > max) {
      throw new InvalidInputException(
          "clipping range must be finite with min <= max, was [" + min + ", " + max + "]");
    }
    return new RegressionEvaluator(true, min, max);
  }

  /** Returns an evaluator that uses predictions as they are. */
  public RegressionEvaluator unclipped() {
    return new RegressionEvaluator(false, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);
  }

  /** Returns whether predictions are clamped before the metrics are computed. */
  public boolean isClipping() {
    return clipping;
  }

  /** Returns the lower clipping bound (−∞ when not clipping). */
  public float clipMin() {
    return min;
  }

  /** Returns the upper clipping bound (+∞ when not clipping). */
  public float clipMax() {
    return max;
  }

  /**
   * Evaluates the first {@code n} (actual, predicted) pairs; {@code predicted} is not modified.
   *
   * @throws IllegalArgumentException when {@code n} is 0, negative or longer than either array
   */
  public RegressionEvaluation evaluate(float[] actual, float[] predicted, int n) {
    return evaluate(actual, predicted, n, null);
  }

  /**
   * Evaluates {@code model} on test ratings given by external ids, predicting as ML.RECOMMEND does:
   * users and items the model does not know get the global intercept plus the intercept of the
   * known side ({@link MfModel#predict(String, String)}), and are counted.
   *
   * @throws IllegalArgumentException when the arrays differ in length or are empty
   */
  public RegressionEvaluation evaluate(
      MfModel model, String[] users, String[] items, float[] ratings) {
    Objects.requireNonNull(model, "model");
    int n = ratings.length;
    if (users.length != n || items.length != n) {
      throw new InvalidInputException(
          "test triples differ in length: "
              + users.length
              + " users, "
              + items.length
              + " items, "
              + n
              + " ratings");
    }
    Predictions predictions = new Predictions(n);
    for (int r = 0; r < n; r++) {
      predictions.add(
          r,
          model,
          model.users().indexOf(users[r]),
          model.items().indexOf(items[r]),
          users[r],
          items[r]);
    }
    return evaluate(ratings, predictions.values, n, predictions);
  }

  /**
   * Evaluates {@code model} on a held-out {@link Ratings} set (e.g. cut with {@link
   * Ratings#select}), matching ids through both dictionaries; see {@link #evaluate(MfModel,
   * String[], String[], float[])} for unknown users and items.
   *
   * @throws IllegalArgumentException when {@code test} is empty
   */
  public RegressionEvaluation evaluate(MfModel model, Ratings test) {
    int[] userIndex = indexesIn(model.users(), test.users());
    int[] itemIndex = indexesIn(model.items(), test.items());
    int n = test.size();
    float[] actual = new float[n];
    Predictions predictions = new Predictions(n);
    for (int r = 0; r < n; r++) {
      actual[r] = test.rating(r);
      int testUser = test.user(r);
      int testItem = test.item(r);
      predictions.add(
          r,
          model,
          userIndex[testUser],
          itemIndex[testItem],
          test.users().id(testUser),
          test.items().id(testItem));
    }
    return evaluate(actual, predictions.values, n, predictions);
  }

  /** Maps each index of {@code test} to the index of the same id in {@code model}, or -1. */
  private static int[] indexesIn(IdDictionary model, IdDictionary test) {
    int[] index = new int[test.size()];
    for (int t = 0; t < index.length; t++) {
      index[t] = model.indexOf(test.id(t));
    }
    return index;
  }

  /** Model predictions for test rows, counting the rows that fall back to intercepts. */
  private static final class Predictions {
    final float[] values;
    int unknownUsers;
    int unknownItems;
    int coldStart;

    Predictions(int n) {
      values = new float[n];
    }

    void add(int row, MfModel model, int u, int i, String user, String item) {
      if (u >= 0 && i >= 0) {
        values[row] = model.predict(u, i);
        return;
      }
      unknownUsers += u >= 0 ? 0 : 1;
      unknownItems += i >= 0 ? 0 : 1;
      coldStart++;
      values[row] = model.predict(user, item); // the model applies ML.RECOMMEND's cold-start rule
    }
  }

  private RegressionEvaluation evaluate(
      float[] actual, float[] predicted, int n, Predictions coldStart) {
    ResidualSummary.checkInputs(actual, predicted, n);
    float[] used = predicted;
    int clipped = 0;
    if (clipping) {
      used = new float[n];
      for (int r = 0; r < n; r++) {
        float p = predicted[r];
        if (p < min || p > max) { // NaN passes through unclamped and makes the metrics NaN
          p = p < min ? min : max;
          clipped++;
        }
        used[r] = p;
      }
    }
    ResidualSummary summary = ResidualSummary.of(actual, used, n);
    Map<String, Double> values = new LinkedHashMap<>();
    for (RegressionMetric metric : METRICS) {
      values.put(metric.name(), metric.value(summary));
    }
    return coldStart == null
        ? new RegressionEvaluation(values, n, clipped, 0, 0, 0)
        : new RegressionEvaluation(
            values,
            n,
            clipped,
            coldStart.unknownUsers,
            coldStart.unknownItems,
            coldStart.coldStart);
  }

  @Override
  public String toString() {
    return "RegressionEvaluator["
        + (clipping ? "clip to [" + min + ", " + max + "]" : "unclipped")
        + "]";
  }
}
