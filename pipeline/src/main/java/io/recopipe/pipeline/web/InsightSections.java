package io.recopipe.pipeline.web;

import io.recopipe.pipeline.insight.GateCheck;
import io.recopipe.pipeline.insight.MetricDelta;
import io.recopipe.pipeline.insight.PromotionInsight;
import io.recopipe.pipeline.insight.RecommendedItem;
import io.recopipe.pipeline.insight.SampleUser;
import io.recopipe.pipeline.insight.SvgCharts;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link PromotionInsight} as the promotion page's evidence: the metrics table with
 * deltas coloured better or worse, the gate's checks, the two charts and the sample users' top
 * items side by side.
 */
final class InsightSections {
  private InsightSections() {
  }

  static void metrics(Html body, List<MetricDelta> metrics, String baseline) {
    body.element("h2", "Metrics (ML.EVALUATE on the eval split)")
        .raw("<table id=\"metrics\">").headerRow("Metric", "Candidate", baseline, "Δ");
    for (MetricDelta metric : metrics) {
      String verdict = "";
      if (metric.delta().isPresent() && metric.delta().getAsDouble() != 0) {
        boolean up = metric.delta().getAsDouble() > 0;
        verdict = up == metric.higherIsBetter() ? "better" : "worse";
      }
      body.raw("<tr><td>").text(metric.name())
          .raw("</td><td class=\"num\">").text(Formats.number(metric.candidate()))
          .raw("</td><td class=\"num\">").text(metric.champion().isPresent()
              ? Formats.number(metric.champion().getAsDouble()) : "–")
          .raw("</td><td class=\"num ").text(verdict).raw("\">")
          .text(metric.delta().isPresent() ? Formats.delta(metric.delta().getAsDouble()) : "–")
          .raw("</td></tr>");
    }
    body.raw("</table>");
  }

  /**
   * The hybrid model beside MF on the same eval split, and both cold-start predictors, when the
   * run's {@code hybrid} step recorded them; nothing otherwise.
   */
  static void hybrid(Html body, Map<String, Double> metrics) {
    if (!metrics.containsKey("hybrid_root_mean_squared_error")) {
      return;
    }
    body.element("h2", "Hybrid model (evaluated beside MF; MF is the served model)")
        .raw("<table id=\"hybrid\">").headerRow("Metric", "MF", "Hybrid");
    for (String metric : List.of("root_mean_squared_error", "mean_absolute_error", "r2_score")) {
      hybridRow(body, metric, metrics.get("mf_" + metric), metrics.get("hybrid_" + metric));
    }
    Double users = metrics.get("cold_start_users");
    if (users != null && users > 0) {
      hybridRow(body, String.format(java.util.Locale.ROOT,
          "cold-start rmse (%d users; MF = intercept-only)", users.longValue()),
          metrics.get("intercept_only_cold_rmse"), metrics.get("hybrid_cold_rmse"));
    }
    body.raw("</table>");
  }

  private static void hybridRow(Html body, String name, Double mf, Double hybrid) {
    body.raw("<tr><td>").text(name)
        .raw("</td><td class=\"num\">").text(mf == null ? "–" : Formats.number(mf))
        .raw("</td><td class=\"num\">").text(hybrid == null ? "–" : Formats.number(hybrid))
        .raw("</td></tr>");
  }

  static void gate(Html body, List<GateCheck> checks) {
    body.element("h2", "Gate checks").raw("<ul id=\"gate\" class=\"checks\">");
    if (checks.isEmpty()) {
      body.raw("<li>The gate recorded no checks.</li>");
    }
    for (GateCheck check : checks) {
      String outcome = check.message().startsWith("not comparable") ? "not_comparable"
          : check.passed() ? "pass" : "fail";
      body.raw("<li class=\"").raw(outcome).raw("\">")
          .element("strong", outcome.replace('_', ' ')).raw(" ")
          .element("code", check.name()).raw(" ").text(check.message()).raw("</li>");
    }
    body.raw("</ul>");
  }

  static void charts(Html body, PromotionInsight insight) {
    body.element("h2", "Training loss per iteration")
        .raw("<div class=\"chart\" id=\"loss-chart\">")
        .raw(SvgCharts.lossChart(insight.candidateLoss(), insight.championLoss()))
        .raw("</div>").element("h2", insight.implicit()
            ? "Confidence errors (predicted confidence − 1) on held-out positives"
            : "Prediction errors (predicted − actual) on the eval split")
        .raw("<div class=\"chart\" id=\"error-histogram\">")
        .raw(SvgCharts.errorHistogram(insight.candidateErrors(), insight.championErrors()))
        .raw("</div>");
  }

  static void samples(Html body, List<SampleUser> samples, String baseline) {
    body.element("h2", "Top " + InsightCache.TOP_K + " recommendations for sample users")
        .raw("<div class=\"samples\" id=\"samples\">");
    for (SampleUser user : samples) {
      body.raw("<table class=\"sample\">").raw("<caption>").text("User " + user.userId())
          .raw("</caption>").headerRow("#", "Candidate", baseline);
      int rows = Math.max(user.candidate().size(), user.champion().size());
      for (int i = 0; i < rows; i++) {
        body.raw("<tr><td class=\"num\">").text(i + 1).raw("</td><td>");
        item(body, user.candidate(), i);
        body.raw("</td><td>");
        item(body, user.champion(), i);
        body.raw("</td></tr>");
      }
      body.raw("</table>");
    }
    body.raw("</div>");
  }

  private static void item(Html body, List<RecommendedItem> items, int index) {
    if (index < items.size()) {
      RecommendedItem item = items.get(index);
      body.text(item.title()).raw(" <span class=\"score\">")
          .text(Formats.number(item.score())).raw("</span>");
    }
  }
}
