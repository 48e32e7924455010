package io.recopipe.components.train;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.StepContext;
import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.AlsResult;
import io.recopipe.model.data.Ratings;

/**
 * Where the train step fits its model: in this JVM (ALS, Zhou et al. 2008) or in BigQuery ML
 * ({@code CREATE MODEL … model_type='matrix_factorization'}), both returning the same model form
 * (global + user + item intercepts + dot product) so export, serving and review never know which
 * one ran.
 */
public interface TrainingEngine {
  /** The engine's name as the {@code train.engine} parameter spells it. */
  String name();

  /**
   * Fits a model on {@code train} (evaluating on {@code eval} when given) with {@code options}; the
   * warehouse, log and parameters come from {@code context}.
   */
  AlsResult fit(Ratings train, Ratings eval, AlsOptions options, StepContext context)
      throws ComponentException;
}
