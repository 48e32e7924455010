/**
 * Evaluation metrics under BigQuery ML's ML.EVALUATE names: rating-error metrics for explicit
 * models ({@link io.recopipe.model.metrics.RegressionEvaluator}) and top-N ranking metrics for
 * implicit ones ({@link io.recopipe.model.metrics.RankingEvaluator}), so a recopipe model is judged
 * by the same columns as a BigQuery model. Pure JDK.
 */
package io.recopipe.model.metrics;
