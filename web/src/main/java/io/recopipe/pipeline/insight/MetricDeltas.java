package io.recopipe.pipeline.insight;

import io.recopipe.model.metrics.AveragePrecisionAtK;
import io.recopipe.model.metrics.ExplainedVariance;
import io.recopipe.model.metrics.MetricValues;
import io.recopipe.model.metrics.NdcgAtK;
import io.recopipe.model.metrics.R2Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Pairs the candidate's ML.EVALUATE metrics with the champion's on the same eval split, each with
 * candidate − champion and the direction that counts as better, so the page can colour an
 * improvement without knowing the metrics.
 */
public final class MetricDeltas {
  /** The metrics where larger is better; every other ML.EVALUATE column is an error. */
  private static final Set<String> HIGHER_IS_BETTER =
      Set.of(R2Score.NAME, ExplainedVariance.NAME, AveragePrecisionAtK.NAME, NdcgAtK.NAME);

  private MetricDeltas() {}

  /** Whether a larger value of ML.EVALUATE metric {@code name} is an improvement. */
  public static boolean higherIsBetter(String name) {
    return HIGHER_IS_BETTER.contains(name);
  }

  /** One delta per candidate metric, in ML.EVALUATE's column order. */
  static List<MetricDelta> of(MetricValues candidate, Optional<MetricValues> champion) {
    List<MetricDelta> deltas = new ArrayList<>();
    for (Map.Entry<String, Double> metric : candidate.asMap().entrySet()) {
      String name = metric.getKey();
      double value = metric.getValue();
      OptionalDouble theirs =
          champion
              .filter(c -> c.asMap().containsKey(name))
              .map(c -> OptionalDouble.of(c.get(name)))
              .orElse(OptionalDouble.empty());
      OptionalDouble delta =
          theirs.isPresent()
              ? OptionalDouble.of(value - theirs.getAsDouble())
              : OptionalDouble.empty();
      deltas.add(new MetricDelta(name, value, theirs, delta, higherIsBetter(name)));
    }
    return List.copyOf(deltas);
  }
}
