package io.recopipe.components.hybrid;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hybrid step's result: MF and hybrid scored with ML.EVALUATE's metrics on the same eval rows,
 * and both cold-start predictors (hybrid from metadata, ML.RECOMMEND's intercept-only fallback) on
 * the cold-start users, so the two models can be read side by side.
 *
 * @param models model label ({@code mf}, {@code hybrid}, {@code intercept_only_cold}, {@code
 *     hybrid_cold}) → metric name → value
 * @param rows model label → rows scored
 * @param coldStartUsers users scored as cold
 * @param simulatedCold whether the cold users were simulated (the split had no unseen users)
 * @param usedMetadata whether any user or item metadata was available
 */
public record HybridReport(
    Map<String, Map<String, Double>> models,
    Map<String, Long> rows,
    long coldStartUsers,
    boolean simulatedCold,
    boolean usedMetadata) {
  /** Labels in table order. */
  public static final String MF = "mf";

  /** The hybrid on every eval row. */
  public static final String HYBRID = "hybrid";

  /** The intercept-only fallback on the cold-start users' rows. */
  public static final String INTERCEPT_ONLY_COLD = "intercept_only_cold";

  /** The hybrid on the cold-start users' rows. */
  public static final String HYBRID_COLD = "hybrid_cold";

  /** Copies both maps, keeping their order. */
  public HybridReport {
    models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
  }

  /** {@code metric} of model {@code label}, NaN when absent. */
  public double get(String label, String metric) {
    Map<String, Double> values = models.get(label);
    Double value = values == null ? null : values.get(metric);
    return value == null ? Double.NaN : value;
  }

  /**
   * The step's flat metrics: {@code hybrid_<metric>} and {@code mf_<metric>} for every eval-row
   * metric, {@code cold_start_users}, {@code hybrid_cold_rmse} and {@code
   * intercept_only_cold_rmse}.
   */
  public Map<String, Double> flatMetrics() {
    Map<String, Double> flat = new LinkedHashMap<>();
    models.getOrDefault(HYBRID, Map.of()).forEach((k, v) -> flat.put("hybrid_" + k, v));
    models.getOrDefault(MF, Map.of()).forEach((k, v) -> flat.put("mf_" + k, v));
    flat.put("cold_start_users", (double) coldStartUsers);
    String rmse = "root_mean_squared_error";
    flat.put("hybrid_cold_rmse", get(HYBRID_COLD, rmse));
    flat.put("intercept_only_cold_rmse", get(INTERCEPT_ONLY_COLD, rmse));
    return flat;
  }
}
