package io.recopipe.model.weights;

import io.recopipe.model.error.InvalidInputException;
import java.util.List;
import java.util.Objects;

/**
 * One row of ML.WEIGHTS for a matrix-factorization model, with BigQuery ML's columns, so a recopipe
 * model exports to (and is read back from) the same table a BigQuery model produces.
 *
 * <p>A user or item row has {@code processedInput} = the user or item column name, {@code feature}
 * = the external id, its factors and its intercept. The single global row has a null {@code
 * processedInput}, feature {@value #GLOBAL_INTERCEPT_FEATURE}, no factor weights (an empty list
 * here; a table writer emits NULL, as BigQuery does) and the global intercept.
 *
 * @param processedInput the user or item column name; null for the global row
 * @param feature the user or item id, or {@value #GLOBAL_INTERCEPT_FEATURE}
 * @param factorWeights the factors, numbered 1..k; empty for the global row (null is read as empty)
 * @param intercept the user's, item's or global intercept
 */
public record WeightsRow(
    String processedInput, String feature, List<FactorWeight> factorWeights, double intercept) {

  /** The {@code feature} of the global intercept row, spelled as in BigQuery ML's docs. */
  public static final String GLOBAL_INTERCEPT_FEATURE = "global__intercept__";

  /** Checks the row's shape and copies the factor list. */
  public WeightsRow {
    Objects.requireNonNull(feature, "feature");
    factorWeights = factorWeights == null ? List.of() : List.copyOf(factorWeights);
    if (processedInput == null
        && (!GLOBAL_INTERCEPT_FEATURE.equals(feature) || !factorWeights.isEmpty())) {
      throw new InvalidInputException(
          "only the "
              + GLOBAL_INTERCEPT_FEATURE
              + " row, without factor weights, may have a null processed_input; got feature '"
              + feature
              + "' with "
              + factorWeights.size()
              + " factor weights");
    }
  }

  /** Returns the global intercept row. */
  public static WeightsRow globalIntercept(double intercept) {
    return new WeightsRow(null, GLOBAL_INTERCEPT_FEATURE, List.of(), intercept);
  }

  /** Returns whether this is the global intercept row. */
  public boolean isGlobalIntercept() {
    return processedInput == null;
  }
}
