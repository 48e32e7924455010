package io.recopipe.model.scoring;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The all-items scoring loop of {@link ItemScorer} written with the JDK Vector API, used when the
 * {@code jdk.incubator.vector} module is present: C2 does not auto-vectorize the scalar loop (it
 * cannot prove the two float arrays apart). Each lane does the same multiplies and adds in the same
 * order as {@link io.recopipe.model.mf.MfModel#predict(int, int)} (no fused multiply-add), so
 * scores stay bit-identical; only the speed differs.
 */
final class VectorItemScorer {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  /** As many bytes as {@link #SPECIES} has floats: one int8 code per float lane. */
  private static final VectorSpecies<Byte> CODES =
      VectorSpecies.of(byte.class, VectorShape.forBitSize(LANES * Byte.SIZE));

  /** Item factors per tile (~256 KB), so a tile stays in L2 while a block of users reads it. */
  private static final int TILE_FLOATS = 64 * 1024;

  private VectorItemScorer() {}

  /** The floats in one vector of the preferred species. */
  static int lanes() {
    return LANES;
  }

  /**
   * Writes {@code base + itemIntercepts[i] + Σ_f x[uo+f]·t[f·n+i]} for every item i into {@code
   * out}; {@code t} is the factor-major item matrix, {@code n} the item count.
   */
  static void scoreAll(
      float[] x, int uo, int k, float[] t, int n, float base, float[] itemIntercepts, float[] out) {
    int upper = SPECIES.loopBound(n);
    FloatVector baseVector = FloatVector.broadcast(SPECIES, base);
    int i = 0;
    for (; i < upper; i += LANES) {
      FloatVector dot = FloatVector.zero(SPECIES);
      for (int f = 0, row = i; f < k; f++, row += n) {
        FloatVector y = FloatVector.fromArray(SPECIES, t, row);
        dot = dot.add(y.mul(x[uo + f]));
      }
      baseVector.add(FloatVector.fromArray(SPECIES, itemIntercepts, i)).add(dot).intoArray(out, i);
    }
    for (; i < n; i++) {
      float dot = 0f;
      for (int f = 0; f < k; f++) {
        dot += x[uo + f] * t[f * n + i];
      }
      out[i] = base + itemIntercepts[i] + dot;
    }
  }

  /**
   * Scores users {@code first} .. {@code first + count - 1} into {@code out[0..count-1]} like
   * {@link #scoreAll}, in item tiles that stay in cache while four users at a time share each load
   * of item factors; per lane the arithmetic and its order are those of {@link #scoreAll}.
   */
  static void scoreBlock(
      float[] x,
      int first,
      int count,
      int k,
      float[] t,
      int n,
      float[] bases,
      float[] itemIntercepts,
      float[][] out) {
    int upper = SPECIES.loopBound(n);
    int tile = Math.max(LANES, TILE_FLOATS / Math.max(1, k) / LANES * LANES);
    for (int start = 0; start < upper; start += tile) {
      int end = Math.min(upper, start + tile);
      int j = 0;
      for (; j + 4 <= count; j += 4) {
        scoreFour(x, (first + j) * k, k, t, n, bases, j, itemIntercepts, out, start, end);
      }
      for (; j < count; j++) {
        scoreOne(x, (first + j) * k, k, t, n, bases[j], itemIntercepts, out[j], start, end);
      }
    }
    for (int j = 0; j < count; j++) {
      int uo = (first + j) * k;
      for (int i = upper; i < n; i++) {
        float dot = 0f;
        for (int f = 0; f < k; f++) {
          dot += x[uo + f] * t[f * n + i];
        }
        out[j][i] = bases[j] + itemIntercepts[i] + dot;
      }
    }
  }

  private static void scoreFour(
      float[] x,
      int uo,
      int k,
      float[] t,
      int n,
      float[] bases,
      int j,
      float[] itemIntercepts,
      float[][] out,
      int start,
      int end) {
    int u1 = uo + k;
    int u2 = u1 + k;
    int u3 = u2 + k;
    for (int i = start; i < end; i += LANES) {
      FloatVector d0 = FloatVector.zero(SPECIES);
      FloatVector d1 = d0;
      FloatVector d2 = d0;
      FloatVector d3 = d0;
      for (int f = 0, row = i; f < k; f++, row += n) {
        FloatVector y = FloatVector.fromArray(SPECIES, t, row);
        d0 = d0.add(y.mul(x[uo + f]));
        d1 = d1.add(y.mul(x[u1 + f]));
        d2 = d2.add(y.mul(x[u2 + f]));
        d3 = d3.add(y.mul(x[u3 + f]));
      }
      FloatVector intercepts = FloatVector.fromArray(SPECIES, itemIntercepts, i);
      FloatVector.broadcast(SPECIES, bases[j]).add(intercepts).add(d0).intoArray(out[j], i);
      FloatVector.broadcast(SPECIES, bases[j + 1]).add(intercepts).add(d1).intoArray(out[j + 1], i);
      FloatVector.broadcast(SPECIES, bases[j + 2]).add(intercepts).add(d2).intoArray(out[j + 2], i);
      FloatVector.broadcast(SPECIES, bases[j + 3]).add(intercepts).add(d3).intoArray(out[j + 3], i);
    }
  }

  private static void scoreOne(
      float[] x,
      int uo,
      int k,
      float[] t,
      int n,
      float base,
      float[] itemIntercepts,
      float[] out,
      int start,
      int end) {
    FloatVector baseVector = FloatVector.broadcast(SPECIES, base);
    for (int i = start; i < end; i += LANES) {
      FloatVector dot = FloatVector.zero(SPECIES);
      for (int f = 0, row = i; f < k; f++, row += n) {
        dot = dot.add(FloatVector.fromArray(SPECIES, t, row).mul(x[uo + f]));
      }
      baseVector.add(FloatVector.fromArray(SPECIES, itemIntercepts, i)).add(dot).intoArray(out, i);
    }
  }

  /**
   * Writes into {@code maxima[0..groups)} the largest score of each group of {@link
   * Recommender#groupMaxima}'s strided grouping (item i in group i mod groups, NaN never a
   * maximum), a whole vector of groups per instruction; {@code groups} is a multiple of the lane
   * count.
   */
  static void groupMaxima(float[] scores, int count, float[] maxima, int groups) {
    FloatVector empty = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
    for (int g = 0; g < groups; g += LANES) {
      empty.intoArray(maxima, g);
    }
    int rows = count / groups * groups;
    for (int g = 0; g < groups; g += LANES) {
      FloatVector max = empty;
      for (int i = g; i < rows; i += groups) {
        FloatVector v = FloatVector.fromArray(SPECIES, scores, i);
        max = max.blend(v, v.compare(VectorOperators.GT, max)); // as `if (v > max)`: NaN never
      }
      max.intoArray(maxima, g);
    }
    for (int i = rows; i < count; i++) {
      float score = scores[i];
      if (score > maxima[i - rows]) {
        maxima[i - rows] = score;
      }
    }
  }

  /**
   * Writes, for every item of {@code q} (and the padding after the last), an upper and a lower
   * bound of its exact score for user factors {@code x[uo..uo+k)}: the score computed from the int8
   * codes ± {@code alpha·radius + interceptSlack + constant} ({@link QuantizedItems} derives why
   * that is enough). Two accumulators per block halve the add latency chain; the bound holds for
   * any summation order.
   */
  static void screen(
      QuantizedItems q,
      float[] x,
      int uo,
      float base,
      float alpha,
      float constant,
      float[] upper,
      float[] lower) {
    int k = q.factors;
    byte[] codes = q.codes;
    FloatVector baseVector = FloatVector.broadcast(SPECIES, base);
    FloatVector alphaVector = FloatVector.broadcast(SPECIES, alpha);
    FloatVector constantVector = FloatVector.broadcast(SPECIES, constant);
    int stride = k * LANES;
    int upperF = k & ~3;
    for (int b = 0; b < q.blocks; b++) {
      FloatVector a0 = FloatVector.zero(SPECIES);
      FloatVector a1 = a0;
      FloatVector a2 = a0;
      FloatVector a3 = a0;
      int row = b * stride;
      int f = 0;
      for (; f < upperF; f += 4, row += 4 * LANES) {
        a0 = decode(codes, row).fma(FloatVector.broadcast(SPECIES, x[uo + f]), a0);
        a1 = decode(codes, row + LANES).fma(FloatVector.broadcast(SPECIES, x[uo + f + 1]), a1);
        a2 = decode(codes, row + 2 * LANES).fma(FloatVector.broadcast(SPECIES, x[uo + f + 2]), a2);
        a3 = decode(codes, row + 3 * LANES).fma(FloatVector.broadcast(SPECIES, x[uo + f + 3]), a3);
      }
      for (; f < k; f++, row += LANES) {
        a0 = decode(codes, row).fma(FloatVector.broadcast(SPECIES, x[uo + f]), a0);
      }
      bounds(
          q,
          b * LANES,
          a0.add(a1).add(a2.add(a3)),
          baseVector,
          alphaVector,
          constantVector,
          upper,
          lower);
    }
  }

  private static void bounds(
      QuantizedItems q,
      int i,
      FloatVector dot,
      FloatVector base,
      FloatVector alpha,
      FloatVector constant,
      float[] upper,
      float[] lower) {
    FloatVector approx =
        base.add(FloatVector.fromArray(SPECIES, q.intercepts, i))
            .add(FloatVector.fromArray(SPECIES, q.scales, i).mul(dot));
    FloatVector bound =
        FloatVector.fromArray(SPECIES, q.radius, i)
            .mul(alpha)
            .add(FloatVector.fromArray(SPECIES, q.interceptSlack, i).add(constant));
    approx.add(bound).intoArray(upper, i);
    approx.sub(bound).intoArray(lower, i);
  }

  private static FloatVector decode(byte[] codes, int offset) {
    return (FloatVector)
        ByteVector.fromArray(CODES, codes, offset).convertShape(VectorOperators.B2F, SPECIES, 0);
  }
}
