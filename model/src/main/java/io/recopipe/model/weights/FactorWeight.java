package io.recopipe.model.weights;

import io.recopipe.model.error.InvalidInputException;

/**
 * One element of ML.WEIGHTS' {@code factor_weights} array, {@code STRUCT<factor INT64, weight
 * FLOAT64>}, kept as its own type so exported rows have BigQuery's exact shape.
 *
 * @param factor the latent factor, numbered from 1 as in BigQuery ML
 * @param weight the factor's value (a float32 model value widened exactly to double)
 */
public record FactorWeight(int factor, double weight) {

  /** Checks the factor number. */
  public FactorWeight {
    if (factor < 1) {
      throw new InvalidInputException("factors are numbered from 1, was " + factor);
    }
  }
}
