package io.recopipe.model.als;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The left-looking updates of {@link Cholesky} written with the JDK Vector API: per element the
 * same fused multiply-subtracts, in the same order (increasing pivot row), as the scalar
 * right-looking loop, so the factor is bit-identical to the scalar one. Four rows are updated
 * together so each loaded vector of an earlier row feeds four independent FMA chains.
 */
final class VectorCholeskyKernel {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  private VectorCholeskyKernel() {}

  /** The lane count a matrix row's stride must be a multiple of. */
  static int lanes() {
    return LANES;
  }

  /**
   * Subtracts {@code Σ_{m<i} U[m][r] · U[m][c]} from rows r = i..i+3 of {@code a} for every column
   * c from the lane boundary at or below i to the stride, m in increasing order. Cells left of each
   * row's diagonal and in the padding are meaningless. The sums are kept negated, {@code −s + u·w}
   * rounds to exactly {@code −(s − u·w)}, so the multipliers are broadcast straight from memory
   * instead of being negated first.
   */
  static void accumulateFour(double[] a, int i, int stride) {
    int c = i - (i % LANES);
    int vectors = (stride - c) / LANES;
    if (vectors == 1) {
      fourByOne(a, i, stride, c);
      return;
    }
    if (vectors % 2 == 1) {
      fourByThree(a, i, stride, c);
      c += 3 * LANES;
    }
    for (; c < stride; c += 2 * LANES) {
      fourByTwo(a, i, stride, c);
    }
  }

  static void fourByTwo(double[] a, int i, int stride, int c) {
    int at = i * stride + c;
    DoubleVector s00 = DoubleVector.fromArray(SPECIES, a, at).neg();
    DoubleVector s01 = DoubleVector.fromArray(SPECIES, a, at + LANES).neg();
    DoubleVector s10 = DoubleVector.fromArray(SPECIES, a, at + stride).neg();
    DoubleVector s11 = DoubleVector.fromArray(SPECIES, a, at + stride + LANES).neg();
    DoubleVector s20 = DoubleVector.fromArray(SPECIES, a, at + 2 * stride).neg();
    DoubleVector s21 = DoubleVector.fromArray(SPECIES, a, at + 2 * stride + LANES).neg();
    DoubleVector s30 = DoubleVector.fromArray(SPECIES, a, at + 3 * stride).neg();
    DoubleVector s31 = DoubleVector.fromArray(SPECIES, a, at + 3 * stride + LANES).neg();
    for (int rowM = 0; rowM < i * stride; rowM += stride) {
      DoubleVector u0 = DoubleVector.fromArray(SPECIES, a, rowM + c);
      DoubleVector u1 = DoubleVector.fromArray(SPECIES, a, rowM + c + LANES);
      DoubleVector w = DoubleVector.broadcast(SPECIES, a[rowM + i]);
      s00 = u0.fma(w, s00);
      s01 = u1.fma(w, s01);
      w = DoubleVector.broadcast(SPECIES, a[rowM + i + 1]);
      s10 = u0.fma(w, s10);
      s11 = u1.fma(w, s11);
      w = DoubleVector.broadcast(SPECIES, a[rowM + i + 2]);
      s20 = u0.fma(w, s20);
      s21 = u1.fma(w, s21);
      w = DoubleVector.broadcast(SPECIES, a[rowM + i + 3]);
      s30 = u0.fma(w, s30);
      s31 = u1.fma(w, s31);
    }
    s00.neg().intoArray(a, at);
    s01.neg().intoArray(a, at + LANES);
    s10.neg().intoArray(a, at + stride);
    s11.neg().intoArray(a, at + stride + LANES);
    s20.neg().intoArray(a, at + 2 * stride);
    s21.neg().intoArray(a, at + 2 * stride + LANES);
    s30.neg().intoArray(a, at + 3 * stride);
    s31.neg().intoArray(a, at + 3 * stride + LANES);
  }

  /** Four rows by three vectors: an odd vector count without a latency-bound last vector. */
  static void fourByThree(double[] a, int i, int stride, int c) {
    int at = i * stride + c;
    DoubleVector s00 = DoubleVector.fromArray(SPECIES, a, at).neg();
    DoubleVector s01 = DoubleVector.fromArray(SPECIES, a, at + LANES).neg();
    DoubleVector s02 = DoubleVector.fromArray(SPECIES, a, at + 2 * LANES).neg();
    DoubleVector s10 = DoubleVector.fromArray(SPECIES, a, at + stride).neg();
    DoubleVector s11 = DoubleVector.fromArray(SPECIES, a, at + stride + LANES).neg();
    DoubleVector s12 = DoubleVector.fromArray(SPECIES, a, at + stride + 2 * LANES).neg();
    DoubleVector s20 = DoubleVector.fromArray(SPECIES, a, at + 2 * stride).neg();
    DoubleVector s21 = DoubleVector.fromArray(SPECIES, a, at + 2 * stride + LANES).neg();
    DoubleVector s22 = DoubleVector.fromArray(SPECIES, a, at + 2 * stride + 2 * LANES).neg();
    DoubleVector s30 = DoubleVector.fromArray(SPECIES, a, at + 3 * stride).neg();
    DoubleVector s31 = DoubleVector.fromArray(SPECIES, a, at + 3 * stride + LANES).neg();
    DoubleVector s32 = DoubleVector.fromArray(SPECIES, a, at + 3 * stride + 2 * LANES).neg();
    for (int rowM = 0; rowM < i * stride; rowM += stride) {
      DoubleVector u0 = DoubleVector.fromArray(SPECIES, a, rowM + c);
      DoubleVector u1 = DoubleVector.fromArray(SPECIES, a, rowM + c + LANES);
      DoubleVector u2 = DoubleVector.fromArray(SPECIES, a, rowM + c + 2 * LANES);
      DoubleVector w = DoubleVector.broadcast(SPECIES, a[rowM + i]);
      s00 = u0.fma(w, s00);
      s01 = u1.fma(w, s01);
      s02 = u2.fma(w, s02);
      w = DoubleVector.broadcast(SPECIES, a[rowM + i + 1]);
      s10 = u0.fma(w, s10);
      s11 = u1.fma(w, s11);
      s12 = u2.fma(w, s12);
      w = DoubleVector.broadcast(SPECIES, a[rowM + i + 2]);
      s20 = u0.fma(w, s20);
      s21 = u1.fma(w, s21);
      s22 = u2.fma(w, s22);
      w = DoubleVector.broadcast(SPECIES, a[rowM + i + 3]);
      s30 = u0.fma(w, s30);
      s31 = u1.fma(w, s31);
      s32 = u2.fma(w, s32);
    }
    s00.neg().intoArray(a, at);
    s01.neg().intoArray(a, at + LANES);
    s02.neg().intoArray(a, at + 2 * LANES);
    s10.neg().intoArray(a, at + stride);
    s11.neg().intoArray(a, at + stride + LANES);
    s12.neg().intoArray(a, at + stride + 2 * LANES);
    s20.neg().intoArray(a, at + 2 * stride);
    s21.neg().intoArray(a, at + 2 * stride + LANES);
    s22.neg().intoArray(a, at + 2 * stride + 2 * LANES);
    s30.neg().intoArray(a, at + 3 * stride);
    s31.neg().intoArray(a, at + 3 * stride + LANES);
    s32.neg().intoArray(a, at + 3 * stride + 2 * LANES);
  }

  static void fourByOne(double[] a, int i, int stride, int c) {
    int at = i * stride + c;
    DoubleVector s0 = DoubleVector.fromArray(SPECIES, a, at).neg();
    DoubleVector s1 = DoubleVector.fromArray(SPECIES, a, at + stride).neg();
    DoubleVector s2 = DoubleVector.fromArray(SPECIES, a, at + 2 * stride).neg();
    DoubleVector s3 = DoubleVector.fromArray(SPECIES, a, at + 3 * stride).neg();
    for (int rowM = 0; rowM < i * stride; rowM += stride) {
      DoubleVector u = DoubleVector.fromArray(SPECIES, a, rowM + c);
      s0 = u.fma(DoubleVector.broadcast(SPECIES, a[rowM + i]), s0);
      s1 = u.fma(DoubleVector.broadcast(SPECIES, a[rowM + i + 1]), s1);
      s2 = u.fma(DoubleVector.broadcast(SPECIES, a[rowM + i + 2]), s2);
      s3 = u.fma(DoubleVector.broadcast(SPECIES, a[rowM + i + 3]), s3);
    }
    s0.neg().intoArray(a, at);
    s1.neg().intoArray(a, at + stride);
    s2.neg().intoArray(a, at + 2 * stride);
    s3.neg().intoArray(a, at + 3 * stride);
  }

  /**
   * Subtracts {@code U[m][r] · U[m][c]} from row r for every column c from the lane boundary at or
   * below r to the stride: one pivot row's update, for the rows of a block of four (and for single
   * rows, from every earlier row in turn), negated like the blocks so exact zeros get the same
   * sign.
   */
  static void subtractRow(double[] a, int m, int r, int stride) {
    int rowM = m * stride;
    int rowR = r * stride;
    DoubleVector w = DoubleVector.broadcast(SPECIES, a[rowM + r]);
    for (int c = r - (r % LANES); c < stride; c += LANES) {
      DoubleVector.fromArray(SPECIES, a, rowM + c)
          .fma(w, DoubleVector.fromArray(SPECIES, a, rowR + c).neg())
          .neg()
          .intoArray(a, rowR + c);
    }
  }

  /** Multiplies row r from the lane boundary at or below r to the stride by {@code scale}. */
  static void scaleRow(double[] a, int r, int stride, double scale) {
    int rowR = r * stride;
    for (int c = r - (r % LANES); c < stride; c += LANES) {
      DoubleVector.fromArray(SPECIES, a, rowR + c).mul(scale).intoArray(a, rowR + c);
    }
  }
}
