package io.recopipe.model.scoring;

import io.recopipe.model.mf.MfModel;

/**
 * Exact top-K for one user that reads a quarter of the bytes: it screens every item with the int8
 * copy of {@link QuantizedItems}, which gives each item an interval sure to hold its exact score,
 * takes as floor the k-th largest lower end, and scores exactly (same arithmetic, same order as
 * {@link ItemScorer}) only the items whose upper end reaches the floor. Every other item is beaten
 * by k items, so the selection sees every item that can make the list and the result is
 * bit-identical to scoring all items. This is quantized candidate generation with exact re-ranking
 * (Guo et al., "Accelerating Large-Scale Inference with Anisotropic Vector Quantization", ICML
 * 2020), with a rigorous error bound in place of a fixed re-rank budget, as in bound-based maximum
 * inner product search (Teflioudi et al., "LEMP", SIGMOD 2015). Not thread-safe: it owns scratch
 * buffers.
 */
final class ScreenedTopK {
  /** Group counts for the first floor are a multiple of this, as in {@link Recommender}. */
  private static final int GROUP_ALIGN = 16;

  /** Beyond this, a request could overflow float: the exact path answers it. */
  private static final double MAGNITUDE_LIMIT = 0x1p60;

  private final MfModel model;
  private final QuantizedItems quantized;
  private final float[] upper;
  private final float[] lower;
  private final float[] pool;
  private final int[] chosen;
  private float[] maxima = new float[0];
  private long[] keys = new long[0];
  private int lastCandidates;

  /** Creates scratch for screening {@code quantized}, the copy of {@code model}'s items. */
  ScreenedTopK(MfModel model, QuantizedItems quantized) {
    this.model = model;
    this.quantized = quantized;
    int padded = quantized.blocks * quantized.lanes;
    this.upper = new float[padded];
    this.lower = new float[padded];
    this.pool = new float[quantized.items];
    this.chosen = new int[quantized.items];
  }

  /**
   * Whether a screen can prune enough of {@code items} items for a top {@code k}: with k above an
   * eighth of the items most of them would be rescored anyway.
   */
  static boolean worthIt(int items, int k) {
    return items >= 8 * k;
  }

  /**
   * Makes the empty {@code top} hold user index {@code u}'s best items, leaving out the sorted
   * {@code excluded} items, and returns true; returns false, touching nothing, when the screen
   * cannot answer (too few items for this k, fewer than k left after the exclusions, or factors
   * large enough to risk overflow or not finite). {@code scores} (one per item) receives the exact
   * scores of the candidates.
   */
  boolean topInto(int u, int[] excluded, TopK top, float[] scores) {
    int n = quantized.items;
    int k = top.capacity();
    if (!worthIt(n, k) || top.size() != 0) {
      return false;
    }
    int factors = quantized.factors;
    float[] x = model.userFactors();
    int uo = u * factors;
    double norm = 0;
    for (int f = 0; f < factors; f++) {
      norm += Math.abs(x[uo + f]);
    }
    float base = model.globalIntercept() + model.userIntercept(u);
    if (!(norm * quantized.largestMagnitude + Math.abs(base) + quantized.largestIntercept
        <= MAGNITUDE_LIMIT)) { // also false for NaN and infinities
      return false;
    }
    float alpha = QuantizedItems.roundUp(norm * QuantizedItems.INFLATE);
    float constant =
        QuantizedItems.roundUp(
            (2 * quantized.gamma * Math.abs(base) + quantized.underflowSlack)
                * QuantizedItems.INFLATE);
    VectorItemScorer.screen(quantized, x, uo, base, alpha, constant, upper, lower);
    for (int item : excluded) {
      upper[item] = Float.NEGATIVE_INFINITY; // below any finite floor: never a candidate,
      lower[item] = Float.NEGATIVE_INFINITY; // never counted among the k
    }
    int candidates = candidates(n, k);
    if (candidates < 0) {
      return false; // fewer than k items left: nothing to prune
    }
    if (keys.length < candidates) {
      keys = new long[Math.max(candidates, 2 * keys.length)];
    }
    rescore(x, uo, base, candidates, scores);
    top.takeBest(keys, candidates, scores);
    lastCandidates = candidates;
    return true;
  }

  /**
   * Scores the {@code count} items of {@code chosen} exactly into {@code scores} and their keys
   * into {@code keys}: ItemScorer's arithmetic in its order, (base + intercept) + Σ x·y from f = 0,
   * eight items at a time so that their cache misses and add chains overlap.
   */
  private void rescore(float[] x, int uo, float base, int count, float[] scores) {
    int factors = quantized.factors;
    float[] y = model.itemFactors();
    int c = 0;
    for (; c + 8 <= count; c += 8) {
      int o0 = chosen[c] * factors;
      int o1 = chosen[c + 1] * factors;
      int o2 = chosen[c + 2] * factors;
      int o3 = chosen[c + 3] * factors;
      int o4 = chosen[c + 4] * factors;
      int o5 = chosen[c + 5] * factors;
      int o6 = chosen[c + 6] * factors;
      int o7 = chosen[c + 7] * factors;
      float d0 = 0f;
      float d1 = 0f;
      float d2 = 0f;
      float d3 = 0f;
      float d4 = 0f;
      float d5 = 0f;
      float d6 = 0f;
      float d7 = 0f;
      for (int f = 0; f < factors; f++) {
        float xf = x[uo + f];
        d0 += xf * y[o0 + f];
        d1 += xf * y[o1 + f];
        d2 += xf * y[o2 + f];
        d3 += xf * y[o3 + f];
        d4 += xf * y[o4 + f];
        d5 += xf * y[o5 + f];
        d6 += xf * y[o6 + f];
        d7 += xf * y[o7 + f];
      }
      keep(c, base, d0, scores);
      keep(c + 1, base, d1, scores);
      keep(c + 2, base, d2, scores);
      keep(c + 3, base, d3, scores);
      keep(c + 4, base, d4, scores);
      keep(c + 5, base, d5, scores);
      keep(c + 6, base, d6, scores);
      keep(c + 7, base, d7, scores);
    }
    for (; c < count; c++) {
      int i = chosen[c];
      float dot = 0f;
      for (int f = 0, o = i * factors; f < factors; f++) {
        dot += x[uo + f] * y[o + f];
      }
      keep(c, base, dot, scores);
    }
  }

  /** Completes candidate {@code c}'s score as ItemScorer does: (base + intercept) + dot. */
  private void keep(int c, float base, float dot, float[] scores) {
    int item = chosen[c];
    float score = base + model.itemIntercepts()[item] + dot;
    scores[item] = score;
    keys[c] = TopK.key(score, item);
  }

  /**
   * Writes the indexes i &lt; {@code n} with {@code values[i] >= floor} into {@code out} in
   * ascending order and returns how many. A plain loop: all but a few values are below the floor,
   * so the branch is predictable, and JDK 17's vector masks and lane reductions measured slower
   * here.
   */
  private static int atLeast(float[] values, int n, float floor, int[] out) {
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (values[i] >= floor) {
        out[count++] = i;
      }
    }
    return count;
  }

  /**
   * Puts into {@code chosen}, ascending, the items whose upper end reaches the k-th largest lower
   * end and returns how many, or -1 when fewer than k items are left (an excluded item's ends are
   * negative infinity, every other's finite). One pass over the items: a rough floor from group
   * maxima as {@link Recommender} takes it keeps all but a few hundred out; among those (which
   * include every item whose lower end reaches the rough floor) the exact k-th largest lower end is
   * selected and the list filtered by it.
   */
  private int candidates(int n, int k) {
    int groups = (2 * k + GROUP_ALIGN - 1) / GROUP_ALIGN * GROUP_ALIGN;
    if (maxima.length < groups) {
      maxima = new float[groups];
    }
    Recommender.groupMaxima(lower, n, maxima, groups);
    float rough = Recommender.select(maxima, groups, groups - k);
    int count = atLeast(upper, n, rough, chosen);
    if (count < k) {
      return -1;
    }
    for (int c = 0; c < count; c++) {
      pool[c] = lower[chosen[c]];
    }
    float floor = Recommender.select(pool, count, count - k);
    if (floor == Float.NEGATIVE_INFINITY) {
      return -1;
    }
    int kept = 0;
    for (int c = 0; c < count; c++) {
      int item = chosen[c];
      if (upper[item] >= floor) {
        chosen[kept++] = item;
      }
    }
    return kept;
  }

  /** How many items the last answered {@link #topInto} scored exactly. */
  int lastCandidates() {
    return lastCandidates;
  }
}
