package io.recopipe.model.als;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
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
          assertEquals(Float.floatToIntBits(scalarA[i * stride + j]),
              Float.floatToIntBits(vectorA[i * stride + j]), "d=" + d + " A[" + i + "][" + j + "]");
        }
        assertEquals(scalarB[i], vectorB[i], 0f);
      }
    }
  }

  @Test
  void wholeRowKernelsAreBitIdenticalToFourAtATimeUpdates() {
    SplittableRandom random = new SplittableRandom(7);
    for (int k : new int[] {3, 16, 34, 64, 198}) {
      int stride = GramKernel.stride(k);
      int d = k + 1;
      int rowStride = GramKernel.stride(d);
      for (int n : new int[] {1, 4, 7, 150}) {
        float[] tile = new float[n * stride];
        float[] targets = new float[n];
        for (int e = 0; e < n; e++) {
          for (int c = 0; c < k; c++) {
            tile[e * stride + c] = (float) random.nextGaussian();
          }
          targets[e] = (float) random.nextGaussian();
        }
        // the reference: addFour per four ratings, addOne for the rest, with ỹ = (y, 1)
        float[] a = new float[d * rowStride];
        float[] b = new float[d];
        float[] rows = new float[4 * rowStride];
        int e = 0;
        for (; e + 4 <= n; e += 4) {
          for (int r = 0; r < 4; r++) {
            System.arraycopy(tile, (e + r) * stride, rows, r * rowStride, k);
            rows[r * rowStride + k] = 1f;
          }
          scalarAddFour(a, b, rows, d, rowStride, targets[e], targets[e + 1], targets[e + 2],
              targets[e + 3]);
        }
        for (; e < n; e++) {
          System.arraycopy(tile, e * stride, rows, 0, k);
          rows[k] = 1f;
          GramKernel.addOne(a, b, rows, d, rowStride, targets[e]);
        }
        float[][] scalar = run(false, tile, targets, n, stride);
        float[][] fast = run(GramKernel.VECTOR_API, tile, targets, n, stride);
        for (float[][] got : List.of(scalar, fast)) {
          for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
              assertEquals(a[i * rowStride + j], got[0][i * stride + j], 0f,
                  "k=" + k + " n=" + n + " A[" + i + "][" + j + "]");
            }
            assertEquals(a[i * rowStride + k], got[1][i], 0f, "intercept column " + i);
            assertEquals(b[i], got[2][i], 0f, "rhs " + i);
          }
        }
      }
    }
  }

  private static float[][] run(boolean vector, float[] tile, float[] targets, int n,
      int stride) {
    float[] gram = new float[stride * stride];
    float[] sums = new float[stride];
    float[] rhs = new float[stride];
    if (vector) {
      VectorGramKernel.accumulate(tile, targets, n, stride, gram, sums, rhs);
    } else {
      GramKernel.accumulateScalar(tile, targets, n, stride, gram, sums, rhs);
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
  private static void scalarAddFour(float[] a, float[] b, float[] rows, int d, int stride,
      float t0, float t1, float t2, float t3) {
    for (int i = 0; i < d; i++) {
      float c0 = rows[i];
      float c1 = rows[stride + i];
      float c2 = rows[2 * stride + i];
      float c3 = rows[3 * stride + i];
      for (int j = i; j < d; j++) {
        a[i * stride + j] += c0 * rows[j] + c1 * rows[stride + j] + c2 * rows[2 * stride + j]
            + c3 * rows[3 * stride + j];
      }
      b[i] += t0 * c0 + t1 * c1 + t2 * c2 + t3 * c3;
    }
  }
}
