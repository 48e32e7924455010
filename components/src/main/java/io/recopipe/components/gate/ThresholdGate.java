package io.recopipe.components.gate;

import io.recopipe.components.evaluate.MetricsReport;
import java.util.List;
import java.util.Optional;

/**
 * The {@link Gate} of the pipeline's gate step: the explicit or implicit metric rules ({@link
 * GateRules}, {@link ImplicitGateRules}) under {@link GateThresholds}, then the data and contract
 * comparison with the champion, so the step itself only reads and writes files.
 */
record ThresholdGate(GateThresholds thresholds) implements Gate {

  @Override
  public GateDecision decide(MetricsReport report, ChampionComparison versus) {
    Optional<String> notComparable =
        versus.data().comparable()
            ? Optional.empty()
            : Optional.of(
                "the champion's data barely overlaps this run's eval split (see " + "data_checks)");
    return withChampionComparison(GateRules.decide(report, thresholds, notComparable), versus);
  }

  /**
   * The metric decision with the data checks and contract changes added: a failed drift check
   * withholds the blessing; what needs a reviewer is listed in {@code review_required}.
   */
  private static GateDecision withChampionComparison(
      GateDecision metrics, ChampionComparison versus) {
    List<String> failed = versus.data().failed();
    boolean blessed = metrics.blessed() && failed.isEmpty();
    String summary = metrics.summary();
    if (!failed.isEmpty()) {
      summary += "; not blessed: the data drifted beyond " + String.join(", ", failed);
    }
    if (blessed && !versus.reviewRequired().isEmpty()) {
      summary += "; review required: " + String.join("; ", versus.reviewRequired());
    }
    return new GateDecision(
        blessed,
        metrics.firstRun(),
        metrics.checks(),
        summary,
        versus.contractChanges(),
        versus.data().checks(),
        versus.reviewRequired());
  }
}
