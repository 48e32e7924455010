package io.recopipe.pipeline.testing;

/**
 * The one quick movielens-mf config the pipeline tests share (synthetic ML-100K-shaped data, a
 * small ALS, deploy off), so each real run takes about a second and a change to the shipped
 * config's keys is fixed in one place.
 */
public final class FastConfig {
  /** The config as YAML; deploy is disabled. */
  public static final String YAML =
      """
      ingest:
        source: preset:ml-100k
        eval_fraction: 0.1
      train:
        method: als
        num_factors: 8
        l2_reg: 2.0
        l2_reg_mode: weighted
        l2_reg_exponent: 0.4
        intercept_l2_reg: 1.0
        max_iterations: 5
        early_stop: false
      gate:
        r2_min: 0.1
        max_regression_abs: 0.01
      export:
        top_n: 10
      deploy:
        enabled: false
      """;

  private FastConfig() {}

  /** The config deploying to {@code port}, with {@code promotion.policy} {@code policy}. */
  public static String deploying(int port, String policy) {
    return YAML.replace("  enabled: false\n", "  enabled: true\n  port: " + port + "\n")
        + "promotion:\n  policy: "
        + policy
        + "\n";
  }
}
