package io.recopipe.model.als;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Gram update of {@link GramKernel} written with the JDK Vector API, used when the
 * {@code jdk.incubator.vector} module is present. It performs the same multiplies and adds in the
 * same order per element (no fused multiply-add), so its results are bit-identical to the scalar
 * kernel's; only the speed differs. Four output rows at a time are held in registers over all of
 * a row's ratings, so the Gram matrix is written once per row instead of once per four ratings.
 */
final class VectorGramKernel {
  static final VectorSpecies<Float> SPECIES = pick();
  private static final int LANES = SPECIES.length();

  /**
   * The widest vectors the CPU has unless -Drecopipe.vector.bits asks for fewer bits: with the
   * Gram matrix held in registers, 512-bit lanes beat 256-bit ones even where they pad more.
   */
  private static VectorSpecies<Float> pick() {
    int bits = Integer.getInteger("recopipe.vector.bits", 512);
    VectorSpecies<Float> preferred = FloatVector.SPECIES_PREFERRED;
    if (bits >= preferred.vectorBitSize()) {
      return preferred;
    }
    return bits <= 128 ? FloatVector.SPECIES_128 : FloatVector.SPECIES_256;
  }

  private VectorGramKernel() {
  }

  /** The lane count rows are padded to. */
  static int lanes() {
    return LANES;
  }

  /** See {@link GramKernel#addFour}; {@code stride} is a multiple of {@link #lanes()}. */
  static void addFour(float[] a, float[] b, float[] rows, int d, int stride, float t0, float t1,
      float t2, float t3) {
    int r1 = stride;
    int r2 = 2 * stride;
    int r3 = 3 * stride;
    for (int i = 0; i < d; i++) {
      float c0 = rows[i];
      float c1 = rows[r1 + i];
      float c2 = rows[r2 + i];
      float c3 = rows[r3 + i];
      int row = i * stride;
      // From the lane boundary at or below i to the padded end: the extra lower-triangle and
      // padding cells written here are never read.
      for (int j = i - (i % LANES); j < stride; j += LANES) {
        FloatVector sum = FloatVector.fromArray(SPECIES, rows, j).mul(c0)
            .add(FloatVector.fromArray(SPECIES, rows, r1 + j).mul(c1))
            .add(FloatVector.fromArray(SPECIES, rows, r2 + j).mul(c2))
            .add(FloatVector.fromArray(SPECIES, rows, r3 + j).mul(c3));
        FloatVector.fromArray(SPECIES, a, row + j).add(sum).intoArray(a, row + j);
      }
      b[i] += t0 * c0 + t1 * c1 + t2 * c2 + t3 * c3;
    }
  }

  /**
   * See {@link GramKernel#accumulate}; {@code stride} is a multiple of {@link #lanes()}. Each
   * block is its own small method so that the JIT inlines every vector operation in it (one large
   * method exceeds its inlining budget, and a vector op left out of line allocates).
   */
  static void accumulate(float[] tile, float[] targets, int n, int stride, float[] gram,
      float[] columnSums, float[] rhs) {
    for (int i = 0; i < stride; i += 4) {
      for (int j = i - (i % LANES); j < stride; j += LANES) {
        gramBlock(tile, n, stride, i, j, gram);
      }
    }
    for (int j = 0; j < stride; j += LANES) {
      sumsBlock(tile, targets, n, stride, j, columnSums, rhs);
    }
  }

  /** Rows i..i+3, lanes from column j, of Σ y yᵀ: four sums per group of four ratings. */
  private static void gramBlock(float[] tile, int n, int stride, int i, int j, float[] gram) {
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    int s2 = 2 * stride;
    int s3 = 3 * stride;
    int end = (n - n % 4) * stride;
    int e = 0;
    for (; e < end; e += 4 * stride) {
      FloatVector y0 = FloatVector.fromArray(SPECIES, tile, e + j);
      FloatVector y1 = FloatVector.fromArray(SPECIES, tile, e + stride + j);
      FloatVector y2 = FloatVector.fromArray(SPECIES, tile, e + s2 + j);
      FloatVector y3 = FloatVector.fromArray(SPECIES, tile, e + s3 + j);
      a0 = a0.add(y0.mul(tile[e + i]).add(y1.mul(tile[e + stride + i]))
          .add(y2.mul(tile[e + s2 + i])).add(y3.mul(tile[e + s3 + i])));
      a1 = a1.add(y0.mul(tile[e + i + 1]).add(y1.mul(tile[e + stride + i + 1]))
          .add(y2.mul(tile[e + s2 + i + 1])).add(y3.mul(tile[e + s3 + i + 1])));
      a2 = a2.add(y0.mul(tile[e + i + 2]).add(y1.mul(tile[e + stride + i + 2]))
          .add(y2.mul(tile[e + s2 + i + 2])).add(y3.mul(tile[e + s3 + i + 2])));
      a3 = a3.add(y0.mul(tile[e + i + 3]).add(y1.mul(tile[e + stride + i + 3]))
          .add(y2.mul(tile[e + s2 + i + 3])).add(y3.mul(tile[e + s3 + i + 3])));
    }
    for (; e < n * stride; e += stride) {
      FloatVector y = FloatVector.fromArray(SPECIES, tile, e + j);
      a0 = a0.add(y.mul(tile[e + i]));
      a1 = a1.add(y.mul(tile[e + i + 1]));
      a2 = a2.add(y.mul(tile[e + i + 2]));
      a3 = a3.add(y.mul(tile[e + i + 3]));
    }
    a0.intoArray(gram, i * stride + j);
    a1.intoArray(gram, (i + 1) * stride + j);
    a2.intoArray(gram, (i + 2) * stride + j);
    a3.intoArray(gram, (i + 3) * stride + j);
  }

  /** Lanes from column j of Σ y (the intercept's column) and of Σ t y. */
  private static void sumsBlock(float[] tile, float[] targets, int n, int stride, int j,
      float[] columnSums, float[] rhs) {
    FloatVector sums = FloatVector.zero(SPECIES);
    FloatVector b = sums;
    int t = 0;
    int e = 0;
    for (; t + 4 <= n; t += 4, e += 4 * stride) {
      FloatVector y0 = FloatVector.fromArray(SPECIES, tile, e + j);
      FloatVector y1 = FloatVector.fromArray(SPECIES, tile, e + stride + j);
      FloatVector y2 = FloatVector.fromArray(SPECIES, tile, e + 2 * stride + j);
      FloatVector y3 = FloatVector.fromArray(SPECIES, tile, e + 3 * stride + j);
      sums = sums.add(y0.add(y1).add(y2).add(y3));
      b = b.add(y0.mul(targets[t]).add(y1.mul(targets[t + 1])).add(y2.mul(targets[t + 2]))
          .add(y3.mul(targets[t + 3])));
    }
    for (; t < n; t++, e += stride) {
      FloatVector y = FloatVector.fromArray(SPECIES, tile, e + j);
      sums = sums.add(y);
      b = b.add(y.mul(targets[t]));
    }
    sums.intoArray(columnSums, j);
    b.intoArray(rhs, j);
  }
}
