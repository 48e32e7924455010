package io.recopipe.model.als;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KernelWarmupTest {

  @Test
  void warmingUpReturnsWithinItsCapThenSwitchesToTheVectorKernelsAndLeavesThemExact() {
    // the cap is 3 s; a generous bound keeps this from being a timing test
    assertTimeoutPreemptively(Duration.ofSeconds(60), KernelWarmup::ensureWarm);
    KernelWarmup.ensureWarm(); // the second call is a no-op
    // a warm-up a fit started on its own thread may still run; the kernels switch when it ends
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          while (GramKernel.VECTOR_API && !KernelWarmup.vectorKernels()) {
            Thread.sleep(10);
          }
        });
    assertEquals(GramKernel.VECTOR_API, KernelWarmup.vectorKernels());
    int stride = GramKernel.stride(3);
    float[] tile = new float[2 * stride];
    tile[0] = 1;
    tile[1] = 2;
    tile[2] = 3;
    tile[stride] = -1;
    float[] gram = new float[stride * stride];
    float[] sums = new float[stride];
    float[] rhs = new float[stride];
    GramKernel.accumulate(tile, new float[] {2, 1}, 2, stride, gram, sums, rhs);
    assertArrayEquals(new float[] {2, 2, 3}, new float[] {gram[0], gram[1], gram[2]});
    assertArrayEquals(new float[] {0, 2, 3}, new float[] {sums[0], sums[1], sums[2]});
    assertArrayEquals(new float[] {1, 4, 6}, new float[] {rhs[0], rhs[1], rhs[2]});
  }
}
