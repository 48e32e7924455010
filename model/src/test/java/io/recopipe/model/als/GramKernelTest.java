package io.recopipe.model.als;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GramKernelTest {

  @Test
  void vectorKernelIsBitIdenticalToTheScalarOne() {
    assumeTrue(GramKernel.VECTOR_API, "jdk.incubator.vector is not in this JVM");
    SplittableRandom random = new SplittableRandom(3);
    for (int d : new int[] {3, 8, 17, 35, 65, 201}) {
      int stride = GramKernel.stride(d);
      float[] rows = new float[4 * stride];
      for (int r = 0; r < 4; r++) {
        for (int c = 0; c < d; c++) {
          rows[r * stride + c] = (float) random.nextGaussian();
        }
      }
      float[] vectorA = new float[d * stride];
      float[] vectorB = new float[d];
      float[] scalarA = new float[d * stride];
      float[] scalarB = new float[d];
      for (int repeat = 0; repeat < 3; repeat++) {
        VectorGramKernel.addFour(vectorA, vectorB, rows, d, stride, 1f, -2f, 0.5f, 3f);
        scalarAddFour(scalarA, scalarB, rows, d, stride, 1f, -2f, 0.5f, 3f);
      }
      for (int i = 0; i < d; i++) {
        for (int j = i; j < d; j++) {
          assertEquals(
              Float.floatToIntBits(scalarA[i * stride + j]),
              Float.floatToIntBits(vectorA[i * stride + j]),
              "d=" + d + " A[" + i + "][" + j + "]");
        }
        assertEquals(scalarB[i], vectorB[i], 0f);
      }
    }
  }

  @Test
  void wholeRowKernelsAgreeBitForBitAndMatchADoublePrecisionReference() {
    SplittableRandom random = new SplittableRandom(7);
    for (int k : new int[] {3, 16, 34, 64, 198}) {
      int stride = GramKernel.stride(k);
      for (int n : new int[] {1, 4, 7, 150}) {
        float[] tile = new float[n * stride];
        float[] targets = new float[n];
        for (int e = 0; e < n; e++) {
          for (int c = 0; c < k; c++) {
            tile[e * stride + c] = (float) random.nextGaussian();
          }
          targets[e] = (float) random.nextGaussian();
        }
        float[][] scalar = run(false, tile, targets, n, stride);
        float[][] fast = run(GramKernel.VECTOR_API, tile, targets, n, stride);
        for (int i = 0; i < k; i++) {
          double sum = 0;
          double rhs = 0;
          double scale = 0;
          for (int e = 0; e < n; e++) {
            sum += tile[e * stride + i];
            rhs += (double) tile[e * stride + i] * targets[e];
            scale += Math.abs((double) tile[e * stride + i] * targets[e]);
          }
          assertEquals(scalar[1][i], fast[1][i], 0f, "k=" + k + " n=" + n + " Σy " + i);
          assertEquals(scalar[2][i], fast[2][i], 0f, "k=" + k + " n=" + n + " Σty " + i);
          assertEquals(sum, scalar[1][i], 1e-5 * n, "Σy " + i);
          assertEquals(rhs, scalar[2][i], 1e-5 * scale, "Σty " + i);
          for (int j = i; j < k; j++) {
            String where = "k=" + k + " n=" + n + " A[" + i + "][" + j + "]";
            assertEquals(
                Float.floatToIntBits(scalar[0][i * stride + j]),
                Float.floatToIntBits(fast[0][i * stride + j]),
                where);
            double exact = 0;
            double magnitude = 0;
            for (int e = 0; e < n; e++) {
              double product = (double) tile[e * stride + i] * tile[e * stride + j];
              exact += product;
              magnitude += Math.abs(product);
            }
            // float accumulation: relative to the sum of magnitudes, within 1e-5 for these n
            assertEquals(exact, scalar[0][i * stride + j], 1e-5 * magnitude, where);
          }
        }
      }
    }
  }

  @Test
  void aWiderTileGivesTheSameSumsAsItsFactorColumnsAlone() {
    SplittableRandom random = new SplittableRandom(9);
    for (int k : new int[] {3, 34, 64}) {
      int stride = GramKernel.stride(k);
      int wide = GramKernel.stride(2 * k);
      int n = 37;
      float[] tile = new float[n * stride];
      float[] wideTile = new float[n * wide];
      float[] targets = new float[n];
      for (int e = 0; e < n; e++) {
        for (int c = 0; c < 2 * k; c++) {
          float value = (float) random.nextGaussian();
          wideTile[e * wide + c] = value;
          if (c < k) {
            tile[e * stride + c] = value;
          }
        }
        targets[e] = (float) random.nextGaussian();
      }
      for (boolean vector : new boolean[] {false, GramKernel.VECTOR_API}) {
        float[][] narrow = run(vector, tile, targets, n, stride);
        float[] gram = new float[stride * stride];
        float[] sums = new float[stride];
        float[] rhs = new float[stride];
        if (vector) {
          VectorGramKernel.accumulate(wideTile, wide, targets, n, stride, gram, sums, rhs);
        } else {
          GramKernel.accumulateScalar(wideTile, wide, targets, n, stride, gram, sums, rhs);
        }
        for (int i = 0; i < k; i++) {
          for (int j = i; j < k; j++) {
            assertEquals(narrow[0][i * stride + j], gram[i * stride + j], 0f, "k=" + k);
          }
          assertEquals(narrow[1][i], sums[i], 0f);
          assertEquals(narrow[2][i], rhs[i], 0f);
        }
      }
    }
  }

  private static float[][] run(boolean vector, float[] tile, float[] targets, int n, int stride) {
    float[] gram = new float[stride * stride];
    float[] sums = new float[stride];
    float[] rhs = new float[stride];
    if (vector) {
      VectorGramKernel.accumulate(tile, stride, targets, n, stride, gram, sums, rhs);
    } else {
      GramKernel.accumulateScalar(tile, stride, targets, n, stride, gram, sums, rhs);
    }
    return new float[][] {gram, sums, rhs};
  }

  @Test
  void addOneAccumulatesTheOuterProduct() {
    int d = 3;
    int stride = GramKernel.stride(d);
    float[] a = new float[d * stride];
    float[] b = new float[d];
    float[] row = new float[4 * stride];
    row[0] = 1;
    row[1] = 2;
    row[2] = 3;
    GramKernel.addOne(a, b, row, d, stride, 2f);
    assertEquals(4f, a[stride + 1]);
    assertEquals(6f, a[stride + 2]);
    assertEquals(3f, a[2]);
    assertEquals(6f, b[2]);
  }

  /** The scalar reference, the same arithmetic as GramKernel's non-vector branch. */
  private static void scalarAddFour(
      float[] a,
      float[] b,
      float[] rows,
      int d,
      int stride,
      float t0,
      float t1,
      float t2,
      float t3) {
    for (int i = 0; i < d; i++) {
      float c0 = rows[i];
      float c1 = rows[stride + i];
      float c2 = rows[2 * stride + i];
      float c3 = rows[3 * stride + i];
      for (int j = i; j < d; j++) {
        a[i * stride + j] +=
            c0 * rows[j]
                + c1 * rows[stride + j]
                + c2 * rows[2 * stride + j]
                + c3 * rows[3 * stride + j];
      }
      b[i] += t0 * c0 + t1 * c1 + t2 * c2 + t3 * c3;
    }
  }
}
