package io.recopipe.infra.bigquery;

import io.recopipe.components.warehouse.QueryResult;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.mf.MfModel;

/**
 * Turns an ML.WEIGHTS result into the model the bundle stores (users and items in the training
 * data's order), the one conversion the BigQuery ML engine depends on, public so it can be
 * benchmarked at production sizes without a BigQuery project.
 */
public final class WeightsImport {
  private WeightsImport() {}

  /** The model in {@code weights} (an ML.WEIGHTS result) for training data {@code train}. */
  public static MfModel toModel(QueryResult weights, Ratings train) {
    return BqmlTrainingEngine.inTrainingOrder(BqmlResults.weights(weights), train);
  }
}
