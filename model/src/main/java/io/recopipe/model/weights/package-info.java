/**
 * ML.WEIGHTS for matrix-factorization models: export a model as BigQuery ML's weights table and
 * rebuild it from one ({@link io.recopipe.model.weights.ModelWeights}), and score from the table
 * alone ({@link io.recopipe.model.weights.WeightsScorer}). Pure JDK.
 */
package io.recopipe.model.weights;
