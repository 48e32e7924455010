package io.recopipe.components.gate;

import io.recopipe.components.evaluate.MetricsReport;
import io.recopipe.components.evaluate.ModelScores;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns evaluation results and thresholds into a {@link GateDecision}, making explicit what TFX
 * leaves implicit: on a first run the change thresholds are skipped and the decision says so, and
 * with no threshold at all nothing is blessed unless {@code auto_bless} is set. An implicit
 * candidate is judged by {@link ImplicitGateRules}, its R² and RMSE thresholds listed as skipped.
 */
final class GateRules {
  private static final String R2 = "r2_score";
  private static final String RMSE = "root_mean_squared_error";

  private GateRules() {}

  /** Decides on {@code report} under {@code thresholds}. */
  static GateDecision decide(MetricsReport report, GateThresholds thresholds) {
    return decide(report, thresholds, Optional.empty());
  }

  /**
   * Decides on {@code report} under {@code thresholds}; when {@code notComparable} gives a reason
   * (the champion's data barely overlaps the run's), the change-vs-champion checks are reported as
   * not comparable instead of being applied.
   */
  static GateDecision decide(
      MetricsReport report, GateThresholds thresholds, Optional<String> notComparable) {
    ModelScores candidate = report.candidate();
    boolean firstRun = report.champion().isEmpty();
    Optional<ModelScores> champion =
        notComparable.isPresent() ? Optional.empty() : report.champion();
    List<GateCheck> checks = new ArrayList<>();
    if (candidate.isImplicit()) {
      thresholds.r2Min().ifPresent(min -> checks.add(notApplicable("r2_floor", R2, min)));
      thresholds.rmseMax().ifPresent(max -> checks.add(notApplicable("rmse_ceiling", RMSE, max)));
      ImplicitGateRules.addChecks(checks, candidate, champion, thresholds.implicit());
      return conclude(comparableOnly(checks, firstRun, notComparable), firstRun, thresholds);
    }
    thresholds.r2Min().ifPresent(min -> checks.add(floor(candidate.get(R2), min)));
    thresholds.rmseMax().ifPresent(max -> checks.add(ceiling(candidate.get(RMSE), max)));
    double rmse = candidate.get(RMSE);
    thresholds
        .maxRegressionAbs()
        .ifPresent(
            max ->
                checks.add(
                    champion
                        .map(
                            c ->
                                regression(
                                    "rmse_regression_abs",
                                    rmse - c.get(RMSE),
                                    max,
                                    String.format(
                                        Locale.ROOT,
                                        "rmse %.4f vs champion %.4f: %+.4f",
                                        rmse,
                                        c.get(RMSE),
                                        rmse - c.get(RMSE))))
                        .orElseGet(() -> skipped("rmse_regression_abs", max))));
    thresholds
        .maxRegressionRel()
        .ifPresent(
            max ->
                checks.add(
                    champion
                        .map(
                            c ->
                                regression(
                                    "rmse_regression_rel",
                                    (rmse - c.get(RMSE)) / c.get(RMSE),
                                    max,
                                    String.format(
                                        Locale.ROOT,
                                        "rmse %.4f vs champion %.4f: %+.2f%%",
                                        rmse,
                                        c.get(RMSE),
                                        100 * (rmse - c.get(RMSE)) / c.get(RMSE))))
                        .orElseGet(() -> skipped("rmse_regression_rel", max))));
    return conclude(comparableOnly(checks, firstRun, notComparable), firstRun, thresholds);
  }

  /**
   * {@code checks} with every change check (skipped for want of a champion) turned into a
   * not-comparable one when a champion exists but its data does not compare.
   */
  private static List<GateCheck> comparableOnly(
      List<GateCheck> checks, boolean firstRun, Optional<String> notComparable) {
    if (firstRun || notComparable.isEmpty()) {
      return checks;
    }
    List<GateCheck> out = new ArrayList<>();
    for (GateCheck check : checks) {
      out.add(
          check.applied() || !check.detail().startsWith("skipped: first run")
              ? check
              : GateCheck.notComparable(
                  check.name(), check.metric(), check.threshold(), notComparable.get()));
    }
    return out;
  }

  private static GateDecision conclude(
      List<GateCheck> checks, boolean firstRun, GateThresholds thresholds) {
    boolean changeSkipped =
        checks.stream().anyMatch(c -> !c.applied() && c.detail().startsWith("skipped: first run"));
    String prefix =
        firstRun
            ? "first run (no champion): only absolute thresholds apply"
                + (changeSkipped ? ", change thresholds skipped; " : "; ")
            : "";
    List<String> failed = new ArrayList<>();
    int applied = 0;
    for (GateCheck check : checks) {
      if (check.applied()) {
        applied++;
        if (!check.passed()) {
          failed.add(check.name());
        }
      }
    }
    if (applied == 0) {
      String why =
          checks.isEmpty() ? "no thresholds configured" : "no configured threshold applies";
      return new GateDecision(
          thresholds.autoBless(),
          firstRun,
          checks,
          prefix
              + (thresholds.autoBless()
                  ? "blessed: " + why + " and auto_bless is true"
                  : "not blessed: "
                      + why
                      + " (set thresholds, or auto_bless: true to bless anyway)"));
    }
    long notComparable =
        checks.stream().filter(c -> c.outcome().equals(GateCheck.NOT_COMPARABLE)).count();
    String unmade =
        notComparable == 0
            ? ""
            : " ("
                + notComparable
                + " change check"
                + (notComparable == 1 ? "" : "s")
                + " not comparable)";
    if (failed.isEmpty()) {
      return new GateDecision(
          true,
          firstRun,
          checks,
          prefix + "blessed: all " + applied + " applied checks passed" + unmade);
    }
    return new GateDecision(
        false, firstRun, checks, prefix + "not blessed: failed " + String.join(", ", failed));
  }

  private static GateCheck floor(double r2, double min) {
    boolean passed = r2 >= min;
    return new GateCheck(
        "r2_floor",
        R2,
        r2,
        min,
        passed,
        String.format(
            Locale.ROOT, "r2_score %.4f %s floor %.4f", r2, passed ? ">=" : "below", min));
  }

  private static GateCheck ceiling(double rmse, double max) {
    boolean passed = rmse <= max;
    return new GateCheck(
        "rmse_ceiling",
        RMSE,
        rmse,
        max,
        passed,
        String.format(
            Locale.ROOT,
            "root_mean_squared_error %.4f %s ceiling %.4f",
            rmse,
            passed ? "<=" : "above",
            max));
  }

  private static GateCheck regression(String name, double change, double max, String what) {
    boolean passed = change <= max;
    return new GateCheck(
        name,
        RMSE,
        change,
        max,
        passed,
        what
            + String.format(
                Locale.ROOT, " (%s %s)", passed ? "allowed" : "exceeds", format(name, max)));
  }

  private static GateCheck notApplicable(String name, String metric, double threshold) {
    return new GateCheck(
        name,
        metric,
        Double.NaN,
        threshold,
        null,
        "skipped: an implicit model has no "
            + metric
            + " (gate it with map_min, ndcg_min, "
            + "average_rank_max, max_map_regression_abs/_rel)");
  }

  private static GateCheck skipped(String name, double max) {
    return new GateCheck(
        name,
        RMSE,
        Double.NaN,
        max,
        null,
        "skipped: first run, no champion to compare with (threshold " + format(name, max) + ")");
  }

  private static String format(String name, double max) {
    return name.endsWith("_rel")
        ? String.format(Locale.ROOT, "%+.2f%%", 100 * max)
        : String.format(Locale.ROOT, "%+.4f", max);
  }
}
