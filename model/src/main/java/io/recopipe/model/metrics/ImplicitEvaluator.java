package io.recopipe.model.metrics;

import io.recopipe.model.data.Ratings;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.scoring.ItemScorer;
import io.recopipe.model.scoring.TopK;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes BigQuery ML's implicit ML.EVALUATE columns ({@code mean_average_precision}, {@code
 * mean_squared_error}, {@code normalized_discounted_cumulative_gain}, {@code average_rank}) for any
 * matrix-factorization model, because implicit models predict a confidence, not a rating, and are
 * judged by where a user's held-out positives land in the user's list.
 *
 * <p>Definitions (BigQuery ML documents neither the cutoff nor the formulas): held-out positives
 * are the eval ratings with r ≥ {@code positive_threshold} and r &gt; 0; each user's candidates are
 * all the model's items except those the user rated in the training split (any rating), which are
 * never recommended again. {@code mean_average_precision} ({@link AveragePrecisionAtK}) and {@code
 * normalized_discounted_cumulative_gain} ({@link NdcgAtK}) are at cutoff k = {@value
 * #DEFAULT_CUTOFF} by default, averaged over users; {@code average_rank} is Hu, Koren &amp;
 * Volinsky's expected percentile rank ({@link AverageRank}'s formula: 0 best, 0.5 random, ties to
 * the lower item index) averaged over held-out pairs; {@code mean_squared_error} is the mean of (1
 * − predicted confidence)² over every held-out positive, the preference being 1, with
 * ML.RECOMMEND's cold-start prediction for unknown users or items. A held-out item the user also
 * rated in training, or one the model does not know, is not rankable and is left out of the ranking
 * metrics. Instances are immutable.
 */
public final class ImplicitEvaluator {
  /** The default cutoff of the at-k columns. */
  public static final int DEFAULT_CUTOFF = 10;

  /** The columns, in BigQuery ML's order. */
  public static final List<String> COLUMNS =
      List.of(AveragePrecisionAtK.NAME, MeanSquaredError.NAME, NdcgAtK.NAME, AverageRank.NAME);

  private final AveragePrecisionAtK map;
  private final NdcgAtK ndcg;
  private final double positiveThreshold;

  private ImplicitEvaluator(int k, double positiveThreshold) {
    this.map = new AveragePrecisionAtK(k);
    this.ndcg = new NdcgAtK(k);
    this.positiveThreshold = positiveThreshold;
  }

  /** An evaluator at cutoff {@value #DEFAULT_CUTOFF} counting r ≥ {@code threshold} as positive. */
  public static ImplicitEvaluator withThreshold(double positiveThreshold) {
    return new ImplicitEvaluator(DEFAULT_CUTOFF, positiveThreshold);
  }

  /** This evaluator at cutoff {@code k} (at least 1). */
  public ImplicitEvaluator atCutoff(int k) {
    return new ImplicitEvaluator(k, positiveThreshold);
  }

  /** The cutoff k. */
  public int k() {
    return map.k();
  }

  /** Evaluates {@code model} on {@code eval}'s positives, excluding {@code train}'s items. */
  public ImplicitEvaluation evaluate(MfModel model, Ratings train, Ratings eval) {
    HeldOut heldOut = HeldOut.of(model, train, eval, positiveThreshold);
    if (heldOut.positives() == 0) {
      throw new InvalidInputException(
          "cannot evaluate an implicit model: the eval split has "
              + "no positives (ratings >= positive_threshold "
              + positiveThreshold
              + ")");
    }
    int itemCount = model.items().size();
    ItemScorer scorer = new ItemScorer(model);
    float[] scores = new float[itemCount];
    float[] scratch = new float[itemCount];
    boolean[] excluded = new boolean[itemCount];
    TopK top = new TopK(map.k());
    int[] ranking = new int[map.k()];
    float[] rankingScores = new float[map.k()];
    double mapSum = 0;
    double ndcgSum = 0;
    double rankSum = 0;
    long rankedPairs = 0;
    int users = 0;
    for (int u = 0; u < model.users().size(); u++) {
      int[] relevant = heldOut.relevant(u);
      if (relevant.length == 0) {
        continue;
      }
      scorer.scoreAll(u, scores, scratch);
      int[] rated = heldOut.trainItems(u);
      for (int item : rated) {
        excluded[item] = true;
      }
      for (int i = 0; i < itemCount; i++) {
        if (!excluded[i]) {
          top.offer(i, scores[i]);
        }
      }
      int[] list = Arrays.copyOf(ranking, top.drainBestFirst(ranking, rankingScores));
      mapSum += map.score(list, relevant);
      ndcgSum += ndcg.score(list, relevant);
      for (double percentile : HeldOutRanks.percentiles(scores, excluded, itemCount, relevant)) {
        rankSum += percentile;
      }
      rankedPairs += relevant.length;
      users++;
      for (int item : rated) {
        excluded[item] = false;
      }
    }
    Map<String, Double> values = new LinkedHashMap<>();
    values.put(AveragePrecisionAtK.NAME, users == 0 ? Double.NaN : mapSum / users);
    values.put(MeanSquaredError.NAME, heldOut.meanSquaredError());
    values.put(NdcgAtK.NAME, users == 0 ? Double.NaN : ndcgSum / users);
    values.put(AverageRank.NAME, users == 0 ? Double.NaN : rankSum / rankedPairs);
    return new ImplicitEvaluation(
        values, map.k(), heldOut.positives(), users, heldOut.usersWithPositives() - users);
  }
}
