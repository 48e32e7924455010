package io.recopipe.pipeline.web;

import io.recopipe.pipeline.insight.GateCheckRow;
import io.recopipe.pipeline.insight.MetricDelta;
import io.recopipe.pipeline.insight.PromotionInsight;
import io.recopipe.pipeline.insight.SvgCharts;
import io.recopipe.pipeline.insight.TuningTrials;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The promotion page's evidence ({@code evidence.jte}): the metrics table with deltas coloured
 * better or worse, the hybrid model beside MF, the gate's checks, the charts (drawn here, before
 * anything is sent, so a failure becomes one line on the page), the tuning trials and the sample
 * users' top items side by side.
 *
 * @param baseline the label of the column the candidate is compared with
 * @param hybrid the hybrid rows; empty when the run had no hybrid step
 * @param trials the tuning trials, or null when the run did not tune
 * @param trialsChart the trials chart, or null with {@code trials}
 */
record InsightSections(
    PromotionInsight insight,
    String baseline,
    List<HybridRow> hybrid,
    String lossChart,
    String errorHeading,
    String errorHistogram,
    TuningTrials trials,
    String trialsChart) {

  /** One row of the hybrid table; a null value prints as a dash. */
  record HybridRow(String name, Double mf, Double hybrid) {}

  static InsightSections of(
      PromotionInsight insight,
      String baseline,
      Map<String, Double> hybridMetrics,
      TuningTrials trials) {
    return new InsightSections(
        insight,
        baseline,
        hybridRows(hybridMetrics),
        SvgCharts.lossChart(insight.candidateLoss(), insight.championLoss()),
        insight.implicit()
            ? "Confidence errors (predicted confidence − 1) on held-out positives"
            : "Prediction errors (predicted − actual) on the eval split",
        SvgCharts.errorHistogram(insight.candidateErrors(), insight.championErrors()),
        trials,
        trials == null ? null : SvgCharts.trialsChart(trials));
  }

  /**
   * The hybrid model beside MF on the same eval split, and both cold-start predictors, when the
   * run's {@code hybrid} step recorded them; no rows otherwise.
   */
  static List<HybridRow> hybridRows(Map<String, Double> metrics) {
    if (!metrics.containsKey("hybrid_root_mean_squared_error")) {
      return List.of();
    }
    List<HybridRow> rows = new ArrayList<>();
    for (String metric : List.of("root_mean_squared_error", "mean_absolute_error", "r2_score")) {
      rows.add(new HybridRow(metric, metrics.get("mf_" + metric), metrics.get("hybrid_" + metric)));
    }
    Double users = metrics.get("cold_start_users");
    if (users != null && users > 0) {
      rows.add(
          new HybridRow(
              String.format(
                  Locale.ROOT,
                  "cold-start rmse (%d users; MF = intercept-only)",
                  users.longValue()),
              metrics.get("intercept_only_cold_rmse"),
              metrics.get("hybrid_cold_rmse")));
    }
    return rows;
  }

  /** {@code better} or {@code worse} when the metric moved, else empty (the delta's class). */
  static String verdict(MetricDelta metric) {
    if (metric.delta().isEmpty() || metric.delta().getAsDouble() == 0) {
      return "";
    }
    boolean up = metric.delta().getAsDouble() > 0;
    return up == metric.higherIsBetter() ? "better" : "worse";
  }

  /** {@code pass}, {@code fail} or {@code not_comparable}. */
  static String outcome(GateCheckRow check) {
    return check.message().startsWith("not comparable")
        ? "not_comparable"
        : check.passed() ? "pass" : "fail";
  }
}
