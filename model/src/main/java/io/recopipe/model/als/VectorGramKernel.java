package io.recopipe.model.als;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Gram update of {@link GramKernel} written with the JDK Vector API, used when the {@code
 * jdk.incubator.vector} module is present. {@link #accumulate} keeps a block of four rows by up to
 * four vectors of the Gram matrix in registers over all of a row's ratings (so the tile is read few
 * times and both FMA units stay busy) and adds each rating with one fused multiply-add per element,
 * in rating order, exactly as the scalar kernel's {@link Math#fma} chain does, so both give
 * bit-identical sums and only the speed differs. {@link #addFour} (the implicit solver's update)
 * keeps its separate multiplies and adds.
 */
final class VectorGramKernel {
  static final VectorSpecies<Float> SPECIES = pick();
  private static final int LANES = SPECIES.length();

  /**
   * The widest vectors the CPU has unless -Drecopipe.vector.bits asks for fewer bits: with the Gram
   * matrix held in registers, 512-bit lanes beat 256-bit ones even where they pad more.
   */
  private static VectorSpecies<Float> pick() {
    int bits = Integer.getInteger("recopipe.vector.bits", 512);
    VectorSpecies<Float> preferred = FloatVector.SPECIES_PREFERRED;
    if (bits >= preferred.vectorBitSize()) {
      return preferred;
    }
    return bits <= 128 ? FloatVector.SPECIES_128 : FloatVector.SPECIES_256;
  }

  private VectorGramKernel() {}

  /** The lane count rows are padded to. */
  static int lanes() {
    return LANES;
  }

  /** See {@link GramKernel#addFour}; {@code stride} is a multiple of {@link #lanes()}. */
  static void addFour(
      float[] a,
      float[] b,
      float[] rows,
      int d,
      int stride,
      float t0,
      float t1,
      float t2,
      float t3) {
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
        FloatVector sum =
            FloatVector.fromArray(SPECIES, rows, j)
                .mul(c0)
                .add(FloatVector.fromArray(SPECIES, rows, r1 + j).mul(c1))
                .add(FloatVector.fromArray(SPECIES, rows, r2 + j).mul(c2))
                .add(FloatVector.fromArray(SPECIES, rows, r3 + j).mul(c3));
        FloatVector.fromArray(SPECIES, a, row + j).add(sum).intoArray(a, row + j);
      }
      b[i] += t0 * c0 + t1 * c1 + t2 * c2 + t3 * c3;
    }
  }

  /**
   * See {@link GramKernel#accumulate}; both strides are multiples of {@link #lanes()}. Each block
   * is its own small method so that the JIT inlines every vector operation in it (one large method
   * exceeds its inlining budget, and a vector op left out of line allocates).
   */
  static void accumulate(
      float[] tile,
      int tileStride,
      float[] targets,
      int n,
      int stride,
      float[] gram,
      float[] columnSums,
      float[] rhs) {
    // Eight rows at a time share their lane boundary (for 8 or more lanes), so a last odd
    // vector still gets eight accumulators; narrower vectors fall back to four rows. Each block
    // holds 8 to 16 accumulators (four rows by up to four vectors), so each pass over the tile
    // feeds both FMA units from few loads and the tile is read as few times as possible.
    boolean eights = LANES % 8 == 0;
    for (int i = 0; i < stride; i += eights ? 8 : 4) {
      int j = i - (i % LANES);
      for (; j + 4 * LANES <= stride; j += 4 * LANES) {
        gramBlock4(tile, tileStride, n, stride, i, j, gram);
        if (eights) {
          gramBlock4(tile, tileStride, n, stride, i + 4, j, gram);
        }
      }
      int vectors = (stride - j) / LANES;
      if (vectors == 3) {
        gramBlock3(tile, tileStride, n, stride, i, j, gram);
        if (eights) {
          gramBlock3(tile, tileStride, n, stride, i + 4, j, gram);
        }
      } else if (vectors == 2) {
        gramBlock(tile, tileStride, n, stride, i, j, gram);
        if (eights) {
          gramBlock(tile, tileStride, n, stride, i + 4, j, gram);
        }
      } else if (vectors == 1) {
        if (eights) {
          gramColumn8(tile, tileStride, n, stride, i, j, gram);
        } else {
          gramColumn(tile, tileStride, n, stride, i, j, gram);
        }
      }
    }
    for (int j = 0; j < stride; j += LANES) {
      sumsBlock(tile, tileStride, targets, n, j, columnSums, rhs);
    }
  }

  /** Rows i..i+3, four vectors of lanes from column j: sixteen chains, eight loads per 16 FMAs. */
  static void gramBlock4(
      float[] tile, int tileStride, int n, int stride, int i, int j, float[] gram) {
    FloatVector a00 = FloatVector.zero(SPECIES);
    FloatVector a01 = a00;
    FloatVector a02 = a00;
    FloatVector a03 = a00;
    FloatVector a10 = a00;
    FloatVector a11 = a00;
    FloatVector a12 = a00;
    FloatVector a13 = a00;
    FloatVector a20 = a00;
    FloatVector a21 = a00;
    FloatVector a22 = a00;
    FloatVector a23 = a00;
    FloatVector a30 = a00;
    FloatVector a31 = a00;
    FloatVector a32 = a00;
    FloatVector a33 = a00;
    int end = n * tileStride;
    for (int e = 0; e < end; e += tileStride) {
      FloatVector y0 = FloatVector.fromArray(SPECIES, tile, e + j);
      FloatVector y1 = FloatVector.fromArray(SPECIES, tile, e + j + LANES);
      FloatVector y2 = FloatVector.fromArray(SPECIES, tile, e + j + 2 * LANES);
      FloatVector y3 = FloatVector.fromArray(SPECIES, tile, e + j + 3 * LANES);
      FloatVector c = FloatVector.broadcast(SPECIES, tile[e + i]);
      a00 = y0.fma(c, a00);
      a01 = y1.fma(c, a01);
      a02 = y2.fma(c, a02);
      a03 = y3.fma(c, a03);
      c = FloatVector.broadcast(SPECIES, tile[e + i + 1]);
      a10 = y0.fma(c, a10);
      a11 = y1.fma(c, a11);
      a12 = y2.fma(c, a12);
      a13 = y3.fma(c, a13);
      c = FloatVector.broadcast(SPECIES, tile[e + i + 2]);
      a20 = y0.fma(c, a20);
      a21 = y1.fma(c, a21);
      a22 = y2.fma(c, a22);
      a23 = y3.fma(c, a23);
      c = FloatVector.broadcast(SPECIES, tile[e + i + 3]);
      a30 = y0.fma(c, a30);
      a31 = y1.fma(c, a31);
      a32 = y2.fma(c, a32);
      a33 = y3.fma(c, a33);
    }
    int row = i * stride + j;
    a00.intoArray(gram, row);
    a01.intoArray(gram, row + LANES);
    a02.intoArray(gram, row + 2 * LANES);
    a03.intoArray(gram, row + 3 * LANES);
    row += stride;
    a10.intoArray(gram, row);
    a11.intoArray(gram, row + LANES);
    a12.intoArray(gram, row + 2 * LANES);
    a13.intoArray(gram, row + 3 * LANES);
    row += stride;
    a20.intoArray(gram, row);
    a21.intoArray(gram, row + LANES);
    a22.intoArray(gram, row + 2 * LANES);
    a23.intoArray(gram, row + 3 * LANES);
    row += stride;
    a30.intoArray(gram, row);
    a31.intoArray(gram, row + LANES);
    a32.intoArray(gram, row + 2 * LANES);
    a33.intoArray(gram, row + 3 * LANES);
  }

  /** Rows i..i+3, three vectors of lanes from column j: twelve chains. */
  static void gramBlock3(
      float[] tile, int tileStride, int n, int stride, int i, int j, float[] gram) {
    FloatVector a00 = FloatVector.zero(SPECIES);
    FloatVector a01 = a00;
    FloatVector a02 = a00;
    FloatVector a10 = a00;
    FloatVector a11 = a00;
    FloatVector a12 = a00;
    FloatVector a20 = a00;
    FloatVector a21 = a00;
    FloatVector a22 = a00;
    FloatVector a30 = a00;
    FloatVector a31 = a00;
    FloatVector a32 = a00;
    int end = n * tileStride;
    for (int e = 0; e < end; e += tileStride) {
      FloatVector y0 = FloatVector.fromArray(SPECIES, tile, e + j);
      FloatVector y1 = FloatVector.fromArray(SPECIES, tile, e + j + LANES);
      FloatVector y2 = FloatVector.fromArray(SPECIES, tile, e + j + 2 * LANES);
      FloatVector c = FloatVector.broadcast(SPECIES, tile[e + i]);
      a00 = y0.fma(c, a00);
      a01 = y1.fma(c, a01);
      a02 = y2.fma(c, a02);
      c = FloatVector.broadcast(SPECIES, tile[e + i + 1]);
      a10 = y0.fma(c, a10);
      a11 = y1.fma(c, a11);
      a12 = y2.fma(c, a12);
      c = FloatVector.broadcast(SPECIES, tile[e + i + 2]);
      a20 = y0.fma(c, a20);
      a21 = y1.fma(c, a21);
      a22 = y2.fma(c, a22);
      c = FloatVector.broadcast(SPECIES, tile[e + i + 3]);
      a30 = y0.fma(c, a30);
      a31 = y1.fma(c, a31);
      a32 = y2.fma(c, a32);
    }
    int row = i * stride + j;
    a00.intoArray(gram, row);
    a01.intoArray(gram, row + LANES);
    a02.intoArray(gram, row + 2 * LANES);
    row += stride;
    a10.intoArray(gram, row);
    a11.intoArray(gram, row + LANES);
    a12.intoArray(gram, row + 2 * LANES);
    row += stride;
    a20.intoArray(gram, row);
    a21.intoArray(gram, row + LANES);
    a22.intoArray(gram, row + 2 * LANES);
    row += stride;
    a30.intoArray(gram, row);
    a31.intoArray(gram, row + LANES);
    a32.intoArray(gram, row + 2 * LANES);
  }

  /**
   * Rows i..i+3, two vectors of lanes from column j, of Σ y yᵀ: eight independent fused
   * multiply-add chains (enough to keep both FMA units busy), six loads per eight FMAs.
   */
  static void gramBlock(
      float[] tile, int tileStride, int n, int stride, int i, int j, float[] gram) {
    FloatVector a00 = FloatVector.zero(SPECIES);
    FloatVector a01 = a00;
    FloatVector a10 = a00;
    FloatVector a11 = a00;
    FloatVector a20 = a00;
    FloatVector a21 = a00;
    FloatVector a30 = a00;
    FloatVector a31 = a00;
    int end = n * tileStride;
    for (int e = 0; e < end; e += tileStride) {
      FloatVector y0 = FloatVector.fromArray(SPECIES, tile, e + j);
      FloatVector y1 = FloatVector.fromArray(SPECIES, tile, e + j + LANES);
      FloatVector c = FloatVector.broadcast(SPECIES, tile[e + i]);
      a00 = y0.fma(c, a00);
      a01 = y1.fma(c, a01);
      c = FloatVector.broadcast(SPECIES, tile[e + i + 1]);
      a10 = y0.fma(c, a10);
      a11 = y1.fma(c, a11);
      c = FloatVector.broadcast(SPECIES, tile[e + i + 2]);
      a20 = y0.fma(c, a20);
      a21 = y1.fma(c, a21);
      c = FloatVector.broadcast(SPECIES, tile[e + i + 3]);
      a30 = y0.fma(c, a30);
      a31 = y1.fma(c, a31);
    }
    int row = i * stride + j;
    a00.intoArray(gram, row);
    a01.intoArray(gram, row + LANES);
    a10.intoArray(gram, row + stride);
    a11.intoArray(gram, row + stride + LANES);
    a20.intoArray(gram, row + 2 * stride);
    a21.intoArray(gram, row + 2 * stride + LANES);
    a30.intoArray(gram, row + 3 * stride);
    a31.intoArray(gram, row + 3 * stride + LANES);
  }

  /** Rows i..i+3, one vector of lanes from column j: the last odd vector of a block row. */
  static void gramColumn(
      float[] tile, int tileStride, int n, int stride, int i, int j, float[] gram) {
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    int end = n * tileStride;
    for (int e = 0; e < end; e += tileStride) {
      FloatVector y = FloatVector.fromArray(SPECIES, tile, e + j);
      a0 = y.fma(FloatVector.broadcast(SPECIES, tile[e + i]), a0);
      a1 = y.fma(FloatVector.broadcast(SPECIES, tile[e + i + 1]), a1);
      a2 = y.fma(FloatVector.broadcast(SPECIES, tile[e + i + 2]), a2);
      a3 = y.fma(FloatVector.broadcast(SPECIES, tile[e + i + 3]), a3);
    }
    a0.intoArray(gram, i * stride + j);
    a1.intoArray(gram, (i + 1) * stride + j);
    a2.intoArray(gram, (i + 2) * stride + j);
    a3.intoArray(gram, (i + 3) * stride + j);
  }

  /** Rows i..i+7, one vector of lanes from column j: a last odd vector, eight chains. */
  static void gramColumn8(
      float[] tile, int tileStride, int n, int stride, int i, int j, float[] gram) {
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    FloatVector a4 = a0;
    FloatVector a5 = a0;
    FloatVector a6 = a0;
    FloatVector a7 = a0;
    int end = n * tileStride;
    for (int e = 0; e < end; e += tileStride) {
      FloatVector y = FloatVector.fromArray(SPECIES, tile, e + j);
      int at = e + i;
      a0 = y.fma(FloatVector.broadcast(SPECIES, tile[at]), a0);
      a1 = y.fma(FloatVector.broadcast(SPECIES, tile[at + 1]), a1);
      a2 = y.fma(FloatVector.broadcast(SPECIES, tile[at + 2]), a2);
      a3 = y.fma(FloatVector.broadcast(SPECIES, tile[at + 3]), a3);
      a4 = y.fma(FloatVector.broadcast(SPECIES, tile[at + 4]), a4);
      a5 = y.fma(FloatVector.broadcast(SPECIES, tile[at + 5]), a5);
      a6 = y.fma(FloatVector.broadcast(SPECIES, tile[at + 6]), a6);
      a7 = y.fma(FloatVector.broadcast(SPECIES, tile[at + 7]), a7);
    }
    int row = i * stride + j;
    a0.intoArray(gram, row);
    a1.intoArray(gram, row + stride);
    a2.intoArray(gram, row + 2 * stride);
    a3.intoArray(gram, row + 3 * stride);
    a4.intoArray(gram, row + 4 * stride);
    a5.intoArray(gram, row + 5 * stride);
    a6.intoArray(gram, row + 6 * stride);
    a7.intoArray(gram, row + 7 * stride);
  }

  /** Lanes from column j of Σ y (the intercept's column) and of Σ t y. */
  static void sumsBlock(
      float[] tile,
      int tileStride,
      float[] targets,
      int n,
      int j,
      float[] columnSums,
      float[] rhs) {
    FloatVector sums = FloatVector.zero(SPECIES);
    FloatVector b = sums;
    for (int t = 0, e = 0; t < n; t++, e += tileStride) {
      FloatVector y = FloatVector.fromArray(SPECIES, tile, e + j);
      sums = sums.add(y);
      b = y.fma(FloatVector.broadcast(SPECIES, targets[t]), b);
    }
    sums.intoArray(columnSums, j);
    b.intoArray(rhs, j);
  }
}
