package io.recopipe.model.als;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The whole vectors of {@link RowSums#columns} with the JDK Vector API: floats are loaded at half
 * the double vector's width and widened lane for lane (one conversion the JIT compiles to a single
 * instruction), then added in rating order, so each lane's sum is the scalar loop's.
 */
final class VectorRowSums {
  private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> FLOATS =
      FloatVector.SPECIES_PREFERRED.withShape(VectorShape.forBitSize(DOUBLES.vectorBitSize() / 2));
  private static final int LANES = DOUBLES.length();

  private VectorRowSums() {}

  /** Doubles per vector. */
  static int lanes() {
    return LANES;
  }

  /** Sums the first whole vectors of columns and returns how many columns it summed. */
  static int columns(float[] tile, int offset, int stride, int n, int k, double[] out) {
    int f = 0;
    for (; f + 4 * LANES <= k; f += 4 * LANES) {
      four(tile, offset + f, stride, n, out, f);
    }
    for (; f + LANES <= k; f += LANES) {
      one(tile, offset + f, stride, n, out, f);
    }
    return f;
  }

  private static DoubleVector widen(float[] tile, int at) {
    return (DoubleVector)
        FloatVector.fromArray(FLOATS, tile, at).convertShape(VectorOperators.F2D, DOUBLES, 0);
  }

  static void four(float[] tile, int at, int stride, int n, double[] out, int f) {
    DoubleVector s0 = DoubleVector.zero(DOUBLES);
    DoubleVector s1 = s0;
    DoubleVector s2 = s0;
    DoubleVector s3 = s0;
    int end = at + n * stride;
    for (int e = at; e < end; e += stride) {
      s0 = s0.add(widen(tile, e));
      s1 = s1.add(widen(tile, e + LANES));
      s2 = s2.add(widen(tile, e + 2 * LANES));
      s3 = s3.add(widen(tile, e + 3 * LANES));
    }
    s0.intoArray(out, f);
    s1.intoArray(out, f + LANES);
    s2.intoArray(out, f + 2 * LANES);
    s3.intoArray(out, f + 3 * LANES);
  }

  static void one(float[] tile, int at, int stride, int n, double[] out, int f) {
    DoubleVector s = DoubleVector.zero(DOUBLES);
    int end = at + n * stride;
    for (int e = at; e < end; e += stride) {
      s = s.add(widen(tile, e));
    }
    s.intoArray(out, f);
  }
}
