package io.recopipe.model.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.mf.MfModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ML.WEIGHTS rows of a model: their shape and order, and rebuilding the identical model. */
class ModelWeightsTest {

  /** A random model with Gaussian factors and intercepts, ids "u0".. and "i0"... */
  static MfModel randomModel(long seed, int users, int items, int k) {
    Random random = new Random(seed);
    List<String> userIds = new ArrayList<>();
    List<String> itemIds = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      userIds.add("u" + u);
    }
    for (int i = 0; i < items; i++) {
      itemIds.add("i" + i);
    }
    return new MfModel(
        IdDictionary.of(userIds),
        IdDictionary.of(itemIds),
        k,
        (float) (3.5 + random.nextGaussian()),
        gaussians(random, users * k),
        gaussians(random, users),
        gaussians(random, items * k),
        gaussians(random, items));
  }

  private static float[] gaussians(Random random, int n) {
    float[] values = new float[n];
    for (int v = 0; v < n; v++) {
      values[v] = (float) random.nextGaussian();
    }
    return values;
  }

  @Test
  void rowsAreUsersThenItemsThenTheGlobalIntercept() {
    MfModel model = randomModel(1, 3, 2, 4);
    List<WeightsRow> rows = ModelWeights.of(model, "user_id", "item_id").rows();
    assertEquals(3 + 2 + 1, rows.size());
    for (int u = 0; u < 3; u++) {
      WeightsRow row = rows.get(u);
      assertEquals("user_id", row.processedInput());
      assertEquals("u" + u, row.feature());
      assertEquals(model.userIntercept(u), row.intercept());
      assertEquals(4, row.factorWeights().size());
      for (int f = 0; f < 4; f++) {
        assertEquals(f + 1, row.factorWeights().get(f).factor(), "factors are numbered from 1");
        assertEquals(model.userFactors()[u * 4 + f], row.factorWeights().get(f).weight());
      }
    }
    for (int i = 0; i < 2; i++) {
      WeightsRow row = rows.get(3 + i);
      assertEquals("item_id", row.processedInput());
      assertEquals("i" + i, row.feature());
      assertEquals(model.itemIntercept(i), row.intercept());
      assertEquals(model.itemFactors()[i * 4 + 3], row.factorWeights().get(3).weight());
    }
  }

  @Test
  void globalRowHasBigQueryShape() {
    MfModel model = randomModel(2, 2, 2, 2);
    List<WeightsRow> rows = ModelWeights.of(model, "user_id", "item_id").rows();
    WeightsRow global = rows.get(rows.size() - 1);
    assertNull(global.processedInput());
    assertEquals("global__intercept__", global.feature());
    assertTrue(global.factorWeights().isEmpty());
    assertEquals(model.globalIntercept(), global.intercept());
    assertTrue(global.isGlobalIntercept());
    assertEquals(global, WeightsRow.globalIntercept(model.globalIntercept()));
    assertEquals(
        global,
        new WeightsRow(null, "global__intercept__", null, global.intercept()),
        "a NULL factor_weights column reads as empty");
  }

  @Test
  void rowsRebuildAnIdenticalModel() {
    MfModel model = randomModel(3, 7, 5, 3);
    List<WeightsRow> rows = List.copyOf(ModelWeights.of(model, "user_id", "item_id").rows());
    MfModel rebuilt = ModelWeights.toModel(rows, "user_id", "item_id");
    assertEquals(model.users(), rebuilt.users());
    assertEquals(model.items(), rebuilt.items());
    assertEquals(model.numFactors(), rebuilt.numFactors());
    assertEquals(
        Float.floatToRawIntBits(model.globalIntercept()),
        Float.floatToRawIntBits(rebuilt.globalIntercept()));
    assertArrayEquals(model.userFactors(), rebuilt.userFactors());
    assertArrayEquals(model.userIntercepts(), rebuilt.userIntercepts());
    assertArrayEquals(model.itemFactors(), rebuilt.itemFactors());
    assertArrayEquals(model.itemIntercepts(), rebuilt.itemIntercepts());
  }

  @Test
  void rowsInAnyOrderRebuildAModelWithTheSamePredictions() {
    MfModel model = randomModel(4, 4, 3, 2);
    List<WeightsRow> rows = new ArrayList<>(ModelWeights.of(model, "u", "i").rows());
    Collections.shuffle(rows, new Random(9));
    MfModel rebuilt = ModelWeights.toModel(rows, "u", "i");
    for (String user : model.users().ids()) {
      for (String item : model.items().ids()) {
        assertEquals(
            Float.floatToRawIntBits(model.predict(user, item)),
            Float.floatToRawIntBits(rebuilt.predict(user, item)),
            user + "," + item);
      }
    }
  }

  @Test
  void malformedTablesAreRefused() {
    MfModel model = randomModel(5, 2, 2, 2);
    List<WeightsRow> rows = ModelWeights.of(model, "user_id", "item_id").rows();
    List<WeightsRow> noGlobal = rows.subList(0, rows.size() - 1);
    assertThrows(
        IllegalArgumentException.class, () -> ModelWeights.toModel(noGlobal, "user_id", "item_id"));
    List<WeightsRow> twoGlobals = new ArrayList<>(rows);
    twoGlobals.add(WeightsRow.globalIntercept(0));
    assertThrows(
        IllegalArgumentException.class,
        () -> ModelWeights.toModel(twoGlobals, "user_id", "item_id"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ModelWeights.toModel(rows, "user", "item_id"),
        "unknown processed_input");
    List<WeightsRow> duplicateUser = new ArrayList<>(rows);
    duplicateUser.add(0, rows.get(0));
    assertThrows(
        IllegalArgumentException.class,
        () -> ModelWeights.toModel(duplicateUser, "user_id", "item_id"));
    List<WeightsRow> missingFactor = new ArrayList<>(rows);
    missingFactor.set(
        0,
        new WeightsRow(
            "user_id", "u0", List.of(new FactorWeight(1, 0.5), new FactorWeight(1, 0.5)), 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> ModelWeights.toModel(missingFactor, "user_id", "item_id"));
    assertThrows(IllegalArgumentException.class, () -> new FactorWeight(0, 1.0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new WeightsRow(null, "u0", List.of(), 0),
        "only the global row lacks a column");
    assertThrows(IllegalArgumentException.class, () -> ModelWeights.of(model, "id", "id"));
  }
}
