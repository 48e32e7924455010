package io.recopipe.model.metrics;

/**
 * The shared part of the ranking metrics judged on the top k of a list: the cutoff, the name and
 * input checks, so that each metric class holds only its formula.
 */
public abstract class CutoffMetric implements RankingMetric {
  private final String name;
  private final int k;

  /** Creates a metric named {@code name} at cutoff {@code k} (at least 1). */
  protected CutoffMetric(String name, int k) {
    this.name = name;
    this.k = RelevantItems.checkCutoff(k);
  }

  /** Returns the cutoff. */
  public final int k() {
    return k;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final double score(int[] ranking, int[] relevant) {
    RelevantItems.check(ranking, relevant);
    return scoreAtCutoff(ranking, relevant, k);
  }

  /** The metric's formula, on inputs already checked. */
  protected abstract double scoreAtCutoff(int[] ranking, int[] relevant, int k);

  @Override
  public String toString() {
    return name + "@" + k;
  }
}
