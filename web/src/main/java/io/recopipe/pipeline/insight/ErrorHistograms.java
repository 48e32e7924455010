package io.recopipe.pipeline.insight;

import io.recopipe.model.metrics.RegressionEvaluator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Bins prediction errors (predicted − actual) into equal-width bins over a range symmetric about
 * zero and shared by every model on the page, so two histograms compare bar by bar.
 */
final class ErrorHistograms {
  /** The number of bins the review page uses. */
  static final int BINS = 24;

  private ErrorHistograms() {}

  /**
   * The shared bin edges: with clipping, errors cannot exceed the width of the rating scale (4 for
   * 1–5 stars), so the range is {@code [-width, width]}; without it, the largest absolute error of
   * any of {@code predictions} against {@code actual}, rounded up.
   */
  static List<Double> edges(
      RegressionEvaluator evaluator, float[] actual, List<float[]> predictions) {
    double half;
    if (evaluator.isClipping()) {
      half = evaluator.clipMax() - evaluator.clipMin();
    } else {
      half = 0;
      for (float[] predicted : predictions) {
        for (int r = 0; r < actual.length; r++) {
          double error = Math.abs((double) predicted[r] - actual[r]);
          half = Double.isFinite(error) ? Math.max(half, error) : half;
        }
      }
      half = Math.ceil(half);
    }
    return edges(half > 0 ? half : 1, BINS);
  }

  /** {@code bins + 1} edges evenly spaced over {@code [-half, half]}. */
  static List<Double> edges(double half, int bins) {
    List<Double> edges = new ArrayList<>(bins + 1);
    for (int n = 0; n <= bins; n++) {
      edges.add(n * 2 == bins ? 0.0 : -half + 2 * half * n / bins);
    }
    return Collections.unmodifiableList(edges);
  }

  /**
   * The histogram of {@code predicted − actual} over {@code edges}; errors outside the range fall
   * in the outermost bins, so the counts always sum to the number of rows.
   */
  static ErrorHistogram of(float[] actual, float[] predicted, List<Double> edges) {
    int bins = edges.size() - 1;
    double low = edges.get(0);
    double width = (edges.get(bins) - low) / bins;
    long[] counts = new long[bins];
    double sum = 0;
    double squares = 0;
    for (int r = 0; r < actual.length; r++) {
      double error = (double) predicted[r] - actual[r];
      sum += error;
      squares += error * error;
      int bin = (int) Math.floor((error - low) / width);
      counts[Math.max(0, Math.min(bins - 1, bin))]++;
    }
    List<Long> list = new ArrayList<>(bins);
    for (long count : counts) {
      list.add(count);
    }
    int n = Math.max(1, actual.length);
    return new ErrorHistogram(
        edges, Collections.unmodifiableList(list), sum / n, Math.sqrt(squares / n));
  }
}
