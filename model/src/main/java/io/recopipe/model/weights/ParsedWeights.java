package io.recopipe.model.weights;

import io.recopipe.model.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * ML.WEIGHTS rows sorted into users, items and the global intercept, with each row's factors
 * decoded to float32 in factor order; the common reading step of {@link ModelWeights#toModel} and
 * {@link WeightsScorer}.
 */
final class ParsedWeights {
  final List<WeightsRow> users = new ArrayList<>();
  final List<WeightsRow> items = new ArrayList<>();
  final int numFactors;
  final float globalIntercept;

  private ParsedWeights(List<WeightsRow> rows, String userColumn, String itemColumn) {
    Objects.requireNonNull(userColumn, "userColumn");
    Objects.requireNonNull(itemColumn, "itemColumn");
    if (userColumn.equals(itemColumn)) {
      throw new InvalidInputException(
          "user and item columns must differ, both are '" + userColumn + "'");
    }
    WeightsRow global = null;
    for (WeightsRow row : rows) {
      if (row.isGlobalIntercept()) {
        if (global != null) {
          throw new InvalidInputException(
              "more than one " + WeightsRow.GLOBAL_INTERCEPT_FEATURE + " row");
        }
        global = row;
      } else if (row.processedInput().equals(userColumn)) {
        users.add(row);
      } else if (row.processedInput().equals(itemColumn)) {
        items.add(row);
      } else {
        throw new InvalidInputException(
            "row for '"
                + row.feature()
                + "' has processed_input '"
                + row.processedInput()
                + "', expected '"
                + userColumn
                + "' or '"
                + itemColumn
                + "'");
      }
    }
    if (global == null) {
      throw new InvalidInputException("no " + WeightsRow.GLOBAL_INTERCEPT_FEATURE + " row");
    }
    WeightsRow first = !users.isEmpty() ? users.get(0) : !items.isEmpty() ? items.get(0) : null;
    if (first == null) {
      throw new InvalidInputException("no user or item rows: the number of factors is unknown");
    }
    this.numFactors = first.factorWeights().size();
    this.globalIntercept = (float) global.intercept();
  }

  /**
   * Reads {@code rows}.
   *
   * @throws IllegalArgumentException when the rows are not one model's ML.WEIGHTS
   */
  static ParsedWeights of(List<WeightsRow> rows, String userColumn, String itemColumn) {
    return new ParsedWeights(rows, userColumn, itemColumn);
  }

  /**
   * Writes {@code row}'s factors into {@code into[offset .. offset+k)}, factor f at offset f−1,
   * narrowing each weight to float32 (exact for weights that came from a float32 model).
   *
   * @throws IllegalArgumentException unless the row has each factor 1..k exactly once
   */
  void decodeFactors(WeightsRow row, float[] into, int offset) {
    List<FactorWeight> weights = row.factorWeights();
    if (weights.size() != numFactors) {
      throw new InvalidInputException(
          "'"
              + row.feature()
              + "' has "
              + weights.size()
              + " factor weights, expected "
              + numFactors);
    }
    boolean[] seen = new boolean[numFactors];
    for (FactorWeight weight : weights) {
      int f = weight.factor() - 1;
      if (f >= numFactors || seen[f]) {
        throw new InvalidInputException(
            "'"
                + row.feature()
                + "' has factor "
                + weight.factor()
                + (f >= numFactors ? ", beyond " + numFactors : " twice"));
      }
      seen[f] = true;
      into[offset + f] = (float) weight.weight();
    }
  }
}
