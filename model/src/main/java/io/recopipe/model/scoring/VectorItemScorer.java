package io.recopipe.model.scoring;

import jdk.incubator.vector.FloatVector;
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

  private VectorItemScorer() {
  }

  /**
   * Writes {@code base + itemIntercepts[i] + Σ_f x[uo+f]·t[f·n+i]} for every item i into
   * {@code out}; {@code t} is the factor-major item matrix, {@code n} the item count.
   */
  static void scoreAll(float[] x, int uo, int k, float[] t, int n, float base,
      float[] itemIntercepts, float[] out) {
    int upper = SPECIES.loopBound(n);
    FloatVector baseVector = FloatVector.broadcast(SPECIES, base);
    int i = 0;
    for (; i < upper; i += LANES) {
      FloatVector dot = FloatVector.zero(SPECIES);
      for (int f = 0, row = i; f < k; f++, row += n) {
        FloatVector y = FloatVector.fromArray(SPECIES, t, row);
        dot = dot.add(y.mul(x[uo + f]));
      }
      baseVector.add(FloatVector.fromArray(SPECIES, itemIntercepts, i)).add(dot)
          .intoArray(out, i);
    }
    for (; i < n; i++) {
      float dot = 0f;
      for (int f = 0; f < k; f++) {
        dot += x[uo + f] * t[f * n + i];
      }
      out[i] = base + itemIntercepts[i] + dot;
    }
  }
}
