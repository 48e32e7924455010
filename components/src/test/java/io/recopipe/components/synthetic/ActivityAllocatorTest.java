package io.recopipe.components.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ActivityAllocatorTest {

  @Test
  void hitsTheExactTotalWithinBounds() {
    double[] weights =
        PowerLawCurve.USER_ACTIVITY.weightsAboveLast(
            Seeds.permutation(6_040, Seeds.stream(1, Seeds.LAYOUT, 0)));
    int[] counts = ActivityAllocator.allocate(weights, 1_000_209, 20, 2_779);
    assertEquals(1_000_209, Arrays.stream(counts).asLongStream().sum());
    assertEquals(20, Arrays.stream(counts).min().getAsInt());
    assertTrue(Arrays.stream(counts).max().getAsInt() <= 2_779);
  }

  @Test
  void capsHeavyWeightsAndSpreadsTheExcess() {
    // the heavy user is capped at 20; 14 extra ratings split 4.67 each, remainder to the first
    int[] counts = ActivityAllocator.allocate(new double[] {1000, 1, 1, 1}, 40, 2, 20);
    assertEquals("[20, 7, 7, 6]", Arrays.toString(counts));
  }

  @Test
  void fillsEveryoneToTheCapWhenTheTotalRequiresIt() {
    assertEquals(
        "[5, 5, 5]", Arrays.toString(ActivityAllocator.allocate(new double[] {3, 2, 1}, 15, 1, 5)));
    assertThrows(
        IllegalArgumentException.class,
        () -> ActivityAllocator.allocate(new double[] {1, 1}, 11, 1, 5));
  }
}
