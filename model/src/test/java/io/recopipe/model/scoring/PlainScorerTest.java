package io.recopipe.model.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.recopipe.model.mf.MfModel;
import org.junit.jupiter.api.Test;

class PlainScorerTest {
  @Test
  void plainLoopsScoreBitForBitAsTheFastForm() {
    MfModel model = RandomModels.of(RandomModels.Kind.values()[0], 9, 3_301, 21, 7);
    ItemScorer plain = ItemScorer.plain(model);
    ItemScorer fast = plain.withScreen();
    assertNull(plain.quantized(), "the plain form has no screen");
    assertSame(fast, fast.withScreen(), "the fast form is already the fastest");
    int items = model.items().size();
    for (int u = -1; u < model.users().size(); u++) {
      float[] expected = new float[items];
      float[] actual = new float[items];
      ItemScorer.withoutScreen(model).scoreAll(u, expected, new float[items]);
      plain.scoreAll(u, actual, new float[items]);
      assertArrayEquals(bits(expected), bits(actual), "user " + u);
    }
    float[][] block = new float[4][items];
    float[][] reference = new float[4][items];
    plain.scoreBlock(2, 4, block, new float[items]);
    ItemScorer.withoutScreen(model).scoreBlock(2, 4, reference, new float[items]);
    for (int j = 0; j < 4; j++) {
      assertArrayEquals(bits(reference[j]), bits(block[j]), "block user " + j);
    }
  }

  private static int[] bits(float[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Float.floatToRawIntBits(values[i]);
    }
    return out;
  }
}
