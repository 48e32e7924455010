package io.recopipe.model.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.recopipe.model.mf.MfModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ML.WEIGHTS rows alone reproduce the model's predictions bit for bit. */
class WeightsScorerTest {

  private static void assertSameBits(float expected, float actual, String pair) {
    assertEquals(
        Float.floatToRawIntBits(expected),
        Float.floatToRawIntBits(actual),
        pair + ": expected " + expected + " but rows gave " + actual);
  }

  @Test
  void rowsReproduceEveryPredictionBitExactly() {
    MfModel model = ModelWeightsTest.randomModel(11, 9, 8, 5);
    List<WeightsRow> rows = new ArrayList<>(ModelWeights.of(model, "user_id", "item_id").rows());
    Collections.shuffle(rows, new Random(3)); // a table has no row order
    WeightsScorer scorer = WeightsScorer.of(rows, "user_id", "item_id");
    assertEquals(5, scorer.numFactors());
    List<String> users = new ArrayList<>(model.users().ids());
    List<String> items = new ArrayList<>(model.items().ids());
    users.add("unknown user");
    items.add("unknown item");
    for (String user : users) {
      for (String item : items) {
        assertSameBits(model.predict(user, item), scorer.predict(user, item), user + "," + item);
      }
    }
  }

  @Test
  void rowsReproducePredictionsOfManyRandomModels() {
    for (long seed = 0; seed < 20; seed++) {
      MfModel model = ModelWeightsTest.randomModel(seed, 4, 4, 2 + (int) seed % 7);
      WeightsScorer scorer = WeightsScorer.of(ModelWeights.of(model, "u", "i").rows(), "u", "i");
      for (String user : model.users().ids()) {
        for (String item : model.items().ids()) {
          assertSameBits(model.predict(user, item), scorer.predict(user, item), user + "," + item);
        }
      }
    }
  }
}
