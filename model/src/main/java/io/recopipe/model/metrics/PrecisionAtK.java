package io.recopipe.model.metrics;

/**
 * precision@k: the share of the top k recommendations that the user did interact with, the fraction
 * of a fixed-size carousel that is not wasted.
 *
 * <p>Formula: |top-k ∩ relevant| / k. The denominator is k even when fewer than k candidates were
 * ranked, so short lists are not rewarded.
 */
public final class PrecisionAtK extends CutoffMetric {
  /** The column name. */
  public static final String NAME = "precision";

  /** Creates precision at cutoff {@code k} (at least 1). */
  public PrecisionAtK(int k) {
    super(NAME, k);
  }

  @Override
  protected double scoreAtCutoff(int[] ranking, int[] relevant, int k) {
    return (double) RelevantItems.hitsAt(ranking, relevant, k) / k;
  }
}
