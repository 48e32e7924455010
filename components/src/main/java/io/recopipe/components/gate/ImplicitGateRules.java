package io.recopipe.components.gate;

import io.recopipe.components.evaluate.ModelScores;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The gate's checks for an implicit candidate, on the implicit ML.EVALUATE columns: MAP and NDCG
 * floors, an {@code average_rank} ceiling, and MAP drops against the champion (skipped on a first
 * run, as the explicit change checks are), so implicit models are gated on how they rank.
 */
final class ImplicitGateRules {
  static final String MAP = "mean_average_precision";
  static final String NDCG = "normalized_discounted_cumulative_gain";
  static final String AVERAGE_RANK = "average_rank";

  private ImplicitGateRules() {}

  /** Adds the checks {@code t} configures for {@code candidate} to {@code checks}. */
  static void addChecks(
      List<GateCheck> checks,
      ModelScores candidate,
      Optional<ModelScores> champion,
      ImplicitGateThresholds t) {
    t.mapMin().ifPresent(min -> checks.add(floor("map_floor", MAP, candidate.get(MAP), min)));
    t.ndcgMin().ifPresent(min -> checks.add(floor("ndcg_floor", NDCG, candidate.get(NDCG), min)));
    t.averageRankMax()
        .ifPresent(
            max -> {
              double rank = candidate.get(AVERAGE_RANK);
              boolean passed = rank <= max;
              checks.add(
                  new GateCheck(
                      "average_rank_ceiling",
                      AVERAGE_RANK,
                      rank,
                      max,
                      passed,
                      String.format(
                          Locale.ROOT,
                          "average_rank %.4f %s ceiling %.4f",
                          rank,
                          passed ? "<=" : "above",
                          max)));
            });
    double map = candidate.get(MAP);
    t.maxMapRegressionAbs()
        .ifPresent(
            max ->
                checks.add(
                    champion
                        .map(
                            c ->
                                drop(
                                    "map_regression_abs",
                                    c.get(MAP) - map,
                                    max,
                                    map,
                                    c.get(MAP),
                                    false))
                        .orElseGet(() -> skipped("map_regression_abs", max))));
    t.maxMapRegressionRel()
        .ifPresent(
            max ->
                checks.add(
                    champion
                        .map(
                            c ->
                                drop(
                                    "map_regression_rel",
                                    (c.get(MAP) - map) / c.get(MAP),
                                    max,
                                    map,
                                    c.get(MAP),
                                    true))
                        .orElseGet(() -> skipped("map_regression_rel", max))));
  }

  private static GateCheck floor(String name, String metric, double value, double min) {
    boolean passed = value >= min;
    return new GateCheck(
        name,
        metric,
        value,
        min,
        passed,
        String.format(
            Locale.ROOT, "%s %.4f %s floor %.4f", metric, value, passed ? ">=" : "below", min));
  }

  private static GateCheck drop(
      String name, double drop, double max, double map, double championMap, boolean relative) {
    boolean passed = drop <= max;
    String limit =
        relative
            ? String.format(Locale.ROOT, "%.2f%%", 100 * max)
            : String.format(Locale.ROOT, "%.4f", max);
    return new GateCheck(
        name,
        MAP,
        drop,
        max,
        passed,
        String.format(
            Locale.ROOT,
            "mean_average_precision %.4f vs champion %.4f: drop %s (%s %s)",
            map,
            championMap,
            relative
                ? String.format(Locale.ROOT, "%.2f%%", 100 * drop)
                : String.format(Locale.ROOT, "%.4f", drop),
            passed ? "allowed" : "exceeds",
            limit));
  }

  private static GateCheck skipped(String name, double max) {
    return new GateCheck(
        name,
        MAP,
        Double.NaN,
        max,
        null,
        "skipped: first run, no champion to compare with (threshold " + max + ")");
  }
}
