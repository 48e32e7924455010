package io.recopipe.model.weights;

import io.recopipe.model.error.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Predicts straight from ML.WEIGHTS rows, without an {@code MfModel}, which documents (and lets a
 * test prove) that the exported table alone carries the whole model: a consumer that joins the user
 * and item rows and evaluates the formula below gets the model's predictions.
 *
 * <p>Formula, as {@code MfModel.predict}: {@code global + userIntercept + itemIntercept + Σ_f
 * userWeight_f · itemWeight_f}, in float32 arithmetic, the dot product summed from factor 1 to k
 * and then added last, so results are bit-identical to the model's (a FLOAT64 evaluation, e.g. in
 * SQL, agrees to about 1e-7 relative instead). An unknown user or item follows ML.RECOMMEND: the
 * global intercept plus the intercept of the known side.
 */
public final class WeightsScorer {
  /** One user's or item's row decoded to float32, factors in factor order. */
  private record Side(float[] factors, float intercept) {}

  private final Map<String, Side> users = new HashMap<>();
  private final Map<String, Side> items = new HashMap<>();
  private final int numFactors;
  private final float globalIntercept;

  private WeightsScorer(ParsedWeights parsed) {
    this.numFactors = parsed.numFactors;
    this.globalIntercept = parsed.globalIntercept;
    index(parsed, parsed.users, users);
    index(parsed, parsed.items, items);
  }

  private static void index(ParsedWeights parsed, List<WeightsRow> rows, Map<String, Side> into) {
    for (WeightsRow row : rows) {
      float[] factors = new float[parsed.numFactors];
      parsed.decodeFactors(row, factors, 0);
      if (into.put(row.feature(), new Side(factors, (float) row.intercept())) != null) {
        throw new InvalidInputException(
            "duplicate row for " + row.processedInput() + " '" + row.feature() + "'");
      }
    }
  }

  /**
   * Reads ML.WEIGHTS rows whose {@code processed_input} is {@code userColumn} or {@code
   * itemColumn}, plus the global row.
   *
   * @throws IllegalArgumentException when the rows are not one model's ML.WEIGHTS
   */
  public static WeightsScorer of(List<WeightsRow> rows, String userColumn, String itemColumn) {
    return new WeightsScorer(ParsedWeights.of(rows, userColumn, itemColumn));
  }

  /** Returns the predicted rating (explicit) or confidence (implicit) of a user for an item. */
  public float predict(String user, String item) {
    Side u = users.get(user);
    Side i = items.get(item);
    if (u == null || i == null) {
      return globalIntercept + (u != null ? u.intercept() : 0f) + (i != null ? i.intercept() : 0f);
    }
    float dot = 0;
    for (int f = 0; f < numFactors; f++) {
      dot += u.factors()[f] * i.factors()[f];
    }
    return globalIntercept + u.intercept() + i.intercept() + dot;
  }

  /** Returns the number of latent factors. */
  public int numFactors() {
    return numFactors;
  }
}
