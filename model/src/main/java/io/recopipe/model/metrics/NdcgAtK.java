package io.recopipe.model.metrics;

/**
 * Normalized discounted cumulative gain at k with binary relevance, BigQuery ML's {@code
 * normalized_discounted_cumulative_gain}, which scores a list by how high its hits sit, with a
 * logarithmic discount that matches how attention falls off down a list.
 *
 * <p>Formula: DCG@k = Σ_{p=1..k} rel(p) / log2(p + 1) for 1-based position p; the ideal DCG puts
 * min(|relevant|, k) hits at the top, IDCG@k = Σ_{p=1..min(|relevant|,k)} 1 / log2(p + 1); NDCG@k =
 * DCG@k / IDCG@k, in [0, 1].
 */
public final class NdcgAtK extends CutoffMetric {
  /** The ML.EVALUATE column name. */
  public static final String NAME = "normalized_discounted_cumulative_gain";

  /** Creates NDCG at cutoff {@code k} (at least 1). */
  public NdcgAtK(int k) {
    super(NAME, k);
  }

  @Override
  protected double scoreAtCutoff(int[] ranking, int[] relevant, int k) {
    int depth = Math.min(k, ranking.length);
    double dcg = 0;
    for (int p = 0; p < depth; p++) {
      if (RelevantItems.contains(relevant, ranking[p])) {
        dcg += RelevantItems.discount(p);
      }
    }
    double ideal = 0;
    int idealHits = Math.min(relevant.length, k);
    for (int p = 0; p < idealHits; p++) {
      ideal += RelevantItems.discount(p);
    }
    return dcg / ideal;
  }

  @Override
  public String toString() {
    return "ndcg@" + k();
  }
}
