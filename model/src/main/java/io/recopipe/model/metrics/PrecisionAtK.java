package io.recopipe.model.metrics;

/**
 * precision@k: the share of the top k recommendations that the user did interact with, the
 * fraction of a fixed-size carousel that is not wasted.
 *
 * <p>Formula: |top-k ∩ relevant| / k. The denominator is k even when fewer than k candidates were
 * ranked, so short lists are not rewarded.
 */
public final class PrecisionAtK implements RankingMetric {
  /** The column name. */
  public static final String NAME = "precision";

  private final int k;

  /** Creates precision at cutoff {@code k} (at least 1). */
  public PrecisionAtK(int k) {
    this.k = RelevantItems.checkCutoff(k);
  }

  /** Returns the cutoff. */
  public int k() {
    return k;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double score(int[] ranking, int[] relevant) {
    RelevantItems.check(ranking, relevant);
    return (double) RelevantItems.hitsAt(ranking, relevant, k) / k;
  }

  @Override
  public String toString() {
    return NAME + "@" + k;
  }
}
