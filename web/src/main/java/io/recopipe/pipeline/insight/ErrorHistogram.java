package io.recopipe.pipeline.insight;

import java.util.List;

/**
 * The distribution of prediction errors (predicted − actual) of a model on the eval split, in
 * equal-width bins, so a reviewer sees bias and tails that one RMSE number hides.
 *
 * @param edges bin edges, {@code counts.size() + 1} of them, ascending
 * @param counts ratings per bin
 * @param mean mean error (bias)
 * @param rmse root mean squared error
 */
public record ErrorHistogram(List<Double> edges, List<Long> counts, double mean, double rmse) {}
