package io.recopipe.components.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ItemSamplerTest {

  @Test
  void drawsDistinctItemsFavouringHeavyWeights() {
    double[] weights = new double[100];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = i < 10 ? 50 : 1;
    }
    ItemSampler sampler = new ItemSampler(weights);
    int[] marks = new int[weights.length];
    int[] out = new int[10];
    int popularPicks = 0;
    SplittableRandom random = new SplittableRandom(5);
    for (int user = 1; user <= 200; user++) {
      sampler.sample(random, out.length, out, 0, marks, user);
      boolean[] seen = new boolean[weights.length];
      for (int item : out) {
        assertTrue(!seen[item], "item drawn twice");
        seen[item] = true;
        popularPicks += item < 10 ? 1 : 0;
      }
    }
    // the 10 heavy items hold 500 / 590 of the weight
    assertTrue(popularPicks > 200 * 10 * 0.6, "popular picks " + popularPicks);
  }

  @Test
  void takesEveryItemWhenAskedForAll() {
    double[] weights = {1e-9, 1, 1000, 5, 1e-6};
    int[] out = new int[5];
    new ItemSampler(weights).sample(new SplittableRandom(1), 5, out, 0, new int[5], 1);
    assertEquals(10, out[0] + out[1] + out[2] + out[3] + out[4]);
  }
}
