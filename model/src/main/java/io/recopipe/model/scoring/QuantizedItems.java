package io.recopipe.model.scoring;

import io.recopipe.model.mf.MfModel;

/**
 * An int8 copy of a model's item factors with one scale per item, a quarter of the bytes the float
 * factors take, and per-item coefficients that bound how far a score computed from it can be from
 * the exact float score. Reading a quarter of the bytes, with fused multiply-adds (only the exact
 * pass has to repeat {@code predict}'s arithmetic), is what makes screening every item cheaper than
 * scoring it; see {@link ScreenedTopK} for the exact re-ranking that keeps results bit-identical.
 *
 * <p>Bound: with {@code y = c·q + r}, |r_f| ≤ e per component (e ≈ c/2, computed exactly), the
 * screened dot product differs from the real one by at most {@code ‖x‖₁·e}. Both float computations
 * (the exact score and the screened one, k products and k + 2 sums each) err by at most γ·(|base| +
 * |intercept| + ‖x‖₁·max|y|) and γ·(|base| + |intercept| + ‖x‖₁·127c), with γ = k·2⁻²⁴/(1 − k·2⁻²⁴)
 * (Higham, "Accuracy and Stability of Numerical Algorithms", 2002, §3.1; any summation order and
 * fused multiply-adds only lower it); {@link #GAMMA_UNITS} takes eight times that to also cover the
 * rounding of the bound arithmetic itself, and an absolute term covers underflow.
 */
final class QuantizedItems {
  /** The largest code magnitude: symmetric int8. */
  private static final int LEVELS = 127;

  /** Relative error units per factor in γ: 8 × (k + 8) units of 2⁻²⁴, generous on purpose. */
  private static final double GAMMA_UNITS = 8.0;

  /**
   * Every coefficient of the bound is inflated by this factor, which covers the few float roundings
   * of evaluating the bound (each at most 2⁻²⁴ relative) and the double subtraction that measures
   * the quantization error.
   */
  static final double INFLATE = 1 + 0x1p-18;

  /** Below this an item's factors are treated as zero (error = their largest magnitude). */
  private static final float TINY = 0x1p-100f;

  final int items;
  final int factors;
  final int lanes;
  final int blocks;

  /** Block b of {@code lanes} items holds its factor f at {@code codes[(b·k + f)·lanes + lane]}. */
  final byte[] codes;

  final float[] scales;
  final float[] intercepts;

  /** Per item, the coefficient of ‖x‖₁ in the bound: e + γ·(max|y| + 127c), rounded up. */
  final float[] radius;

  /** Per item, 2γ·|intercept|, rounded up. */
  final float[] interceptSlack;

  /** γ of this factor count (with its safety factor). */
  final double gamma;

  /** Absolute slack for underflow in either computation. */
  final double underflowSlack;

  /** The largest max|y| + 127c and |intercept| of any item, to rule out overflow per request. */
  double largestMagnitude;

  double largestIntercept;

  private QuantizedItems(int items, int factors, int lanes) {
    this.items = items;
    this.factors = factors;
    this.lanes = lanes;
    this.blocks = (items + lanes - 1) / lanes;
    int padded = blocks * lanes;
    this.codes = new byte[padded * factors];
    this.scales = new float[padded];
    this.intercepts = new float[padded];
    this.radius = new float[padded];
    this.interceptSlack = new float[padded];
    this.gamma = GAMMA_UNITS * (factors + 8) * 0x1p-24;
    this.underflowSlack = (4.0 * factors + 64) * Float.MIN_NORMAL;
  }

  /**
   * Quantizes {@code model}'s item factors into blocks of {@code lanes} items, or returns null when
   * an item factor or intercept is not finite (the exact path handles those).
   */
  static QuantizedItems of(MfModel model, int lanes) {
    int n = model.items().size();
    int k = model.numFactors();
    QuantizedItems q = new QuantizedItems(n, k, lanes);
    float[] y = model.itemFactors();
    float[] itemIntercepts = model.itemIntercepts();
    for (int i = 0; i < n; i++) {
      float intercept = itemIntercepts[i];
      if (!Float.isFinite(intercept)) {
        return null;
      }
      float max = 0f;
      for (int f = 0; f < k; f++) {
        float v = y[i * k + f];
        if (!Float.isFinite(v)) {
          return null;
        }
        max = Math.max(max, Math.abs(v));
      }
      float scale = max < TINY ? 0f : max / LEVELS;
      int base = (i / lanes * k) * lanes + i % lanes;
      double error = 0;
      for (int f = 0; f < k; f++) {
        float v = y[i * k + f];
        int code = scale == 0f ? 0 : Math.max(-LEVELS, Math.min(LEVELS, Math.round(v / scale)));
        q.codes[base + f * lanes] = (byte) code;
        // float × int8 is exact in double; the subtraction's rounding is covered below
        error = Math.max(error, Math.abs(v - (double) scale * code));
      }
      double magnitude = max + (double) LEVELS * scale;
      q.scales[i] = scale;
      q.intercepts[i] = intercept;
      q.radius[i] = roundUp((error + q.gamma * magnitude) * INFLATE);
      q.interceptSlack[i] = roundUp(2 * q.gamma * Math.abs(intercept) * INFLATE);
      q.largestMagnitude = Math.max(q.largestMagnitude, magnitude);
      q.largestIntercept = Math.max(q.largestIntercept, Math.abs(intercept));
    }
    return q;
  }

  /** The smallest float at or above {@code value} (≥ 0). */
  static float roundUp(double value) {
    float f = (float) value;
    return f < value ? Math.nextUp(f) : f;
  }
}
