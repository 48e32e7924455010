package io.recopipe.model.als;

/**
 * One half-step's Gram matrix YᵀY of the fixed side in the two precisions the implicit solvers use:
 * double for the exact Cholesky path, float for conjugate gradient (as the {@code implicit}
 * library), both row-major k×k with both triangles.
 *
 * @param exact the Gram matrix in double
 * @param single the same rounded to float
 */
record SideGram(double[] exact, float[] single) {
  /** Wraps {@code exact} and its float copy. */
  static SideGram of(double[] exact) {
    float[] single = new float[exact.length];
    for (int n = 0; n < exact.length; n++) {
      single[n] = (float) exact[n];
    }
    return new SideGram(exact, single);
  }
}
