package io.recopipe.model.als;

/**
 * How the explicit model is fitted: all produce BigQuery ML's model (global intercept, user and
 * item intercepts, one factor vector per user and item), so scoring never changes.
 */
public enum TrainingMethod {
  /** Alternating least squares on the regularized squared error (Zhou et al. 2008). */
  ALS,
  /**
   * Variational Bayesian matrix factorization (Lim &amp; Teh 2007; Raiko, Ilin &amp; Karhunen 2007):
   * ALS-shaped updates that also carry each vector's posterior variance, learn one prior variance
   * per factor dimension and the noise variance, and export the posterior means; the variances act
   * as data-driven, per-row regularization that MAP estimation lacks.
   */
  VB,
  /**
   * Bayesian probabilistic matrix factorization by Gibbs sampling (Salakhutdinov &amp; Mnih 2008):
   * draws factors, intercepts, Normal–Wishart hyperparameters and the noise from the posterior,
   * and exports the average of {@code num_samples} kept draws as one model whose
   * {@code num_factors} are their factor blocks side by side, so averaging over the posterior
   * needs no change to scoring.
   */
  GIBBS;

  /** Parses {@code als}, {@code vb} or {@code gibbs}, case-insensitive. */
  public static TrainingMethod parse(String text) {
    return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
  }

  /** The lowercase name used in configs and manifests. */
  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
