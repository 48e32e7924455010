package io.recopipe.model.metrics;

/**
 * Average precision at k for one user, which {@link RankingEvaluator} averages into {@code
 * mean_average_precision} (the default tuning objective of BigQuery ML's implicit models); unlike
 * precision@k it rewards putting the hits first.
 *
 * <p>Formula: AP@k = Σ_{p=1..k} precision@p · rel(p) / min(|relevant|, k), where rel(p) is 1 when
 * the item at 1-based position p is relevant. Normalizing by min(|relevant|, k) rather than
 * |relevant| lets a perfect top k score 1 for users with more than k held-out items.
 */
public final class AveragePrecisionAtK extends CutoffMetric {
  /** The ML.EVALUATE column name. */
  public static final String NAME = "mean_average_precision";

  /** Creates average precision at cutoff {@code k} (at least 1). */
  public AveragePrecisionAtK(int k) {
    super(NAME, k);
  }

  @Override
  protected double scoreAtCutoff(int[] ranking, int[] relevant, int k) {
    int depth = Math.min(k, ranking.length);
    int hits = 0;
    double sum = 0;
    for (int p = 0; p < depth; p++) {
      if (RelevantItems.contains(relevant, ranking[p])) {
        hits++;
        sum += (double) hits / (p + 1);
      }
    }
    return sum / Math.min(relevant.length, k);
  }

  @Override
  public String toString() {
    return "average_precision@" + k();
  }
}
