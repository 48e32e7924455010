package io.recopipe.model.als;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowSums} with the JDK Vector API: floats widened to double lanes, summed in order. It
 * loads with the Gram kernel's float species, as a second float vector shape in the same JVM makes
 * the JIT box the Gram kernel's vectors.
 */
final class VectorRowSums {
  private static final VectorSpecies<Float> FLOATS = VectorGramKernel.SPECIES;
  private static final VectorSpecies<Double> DOUBLES =
      VectorSpecies.of(double.class, FLOATS.vectorShape());
  private static final int LANES = FLOATS.length();
  private static final int HALF = DOUBLES.length();

  private VectorRowSums() {
  }

  /** Sums the whole lane blocks of {@link RowSums#of} and returns the first factor left over. */
  static int of(float[] source, int[] columns, int from, int to, int k, double[] out) {
    int f = 0;
    for (; f + LANES <= k; f += LANES) {
      DoubleVector low = DoubleVector.zero(DOUBLES);
      DoubleVector high = low;
      for (int e = from; e < to; e++) {
        FloatVector row = FloatVector.fromArray(FLOATS, source, columns[e] * k + f);
        low = low.add(row.convertShape(VectorOperators.F2D, DOUBLES, 0));
        high = high.add(row.convertShape(VectorOperators.F2D, DOUBLES, 1));
      }
      low.intoArray(out, f);
      high.intoArray(out, f + HALF);
    }
    return f;
  }
}
