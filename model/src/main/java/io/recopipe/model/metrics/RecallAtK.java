package io.recopipe.model.metrics;

/**
 * recall@k: the share of the user's held-out items that made it into the top k, the metric that
 * answers "did we surface what the user went on to watch".
 *
 * <p>Formula: |top-k ∩ relevant| / |relevant| (so it cannot reach 1 when |relevant| &gt; k).
 */
public final class RecallAtK extends CutoffMetric {
  /** The column name (the current ML.EVALUATE reference lists {@code recall} for implicit MF). */
  public static final String NAME = "recall";

  /** Creates recall at cutoff {@code k} (at least 1). */
  public RecallAtK(int k) {
    super(NAME, k);
  }

  @Override
  protected double scoreAtCutoff(int[] ranking, int[] relevant, int k) {
    return (double) RelevantItems.hitsAt(ranking, relevant, k) / relevant.length;
  }
}
