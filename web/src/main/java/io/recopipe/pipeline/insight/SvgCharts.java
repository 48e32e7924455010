package io.recopipe.pipeline.insight;

import java.util.List;
import java.util.Optional;

/**
 * Inline SVG charts for the review page (no JavaScript, no CDN): loss per iteration, the error
 * histogram and a run's step DAG; output is a complete {@code <svg>} element with escaped text.
 */
public final class SvgCharts {
  private SvgCharts() {}

  /** Training loss per iteration, candidate (and champion when given) as lines. */
  public static String lossChart(List<LossPoint> candidate, List<LossPoint> champion) {
    return LossChart.render(candidate, champion == null ? List.of() : champion);
  }

  /** The error histogram, champion's bars beside the candidate's when given. */
  public static String errorHistogram(ErrorHistogram candidate, Optional<ErrorHistogram> champion) {
    return HistogramChart.render(candidate, champion);
  }

  /** Tuning trials: objective against log l2_reg, sized by num_factors, best ringed. */
  public static String trialsChart(TuningTrials trials) {
    return TrialsChart.render(trials);
  }

  /** A run's steps as a left-to-right DAG coloured by status, with duration and cache hits. */
  public static String dag(List<DagNode> nodes) {
    return DagChart.render(nodes);
  }
}
