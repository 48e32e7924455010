package io.recopipe.model.als;

/**
 * How the explicit model is fitted: all produce BigQuery ML's model (global intercept, user and
 * item intercepts, one factor vector per user and item), so scoring never changes; {@code auto}
 * lets {@link AutoMethod} pick one from the training set's size and density.
 */
public enum TrainingMethod {
  /**
   * Chosen for the training set by {@link AutoMethod}'s rule (Gibbs at small scale, VB above,
   * weighted ALS for implicit feedback), with every option the user set kept.
   */
  AUTO,
  /** Alternating least squares on the regularized squared error (Zhou et al. 2008). */
  ALS,
  /**
   * Variational Bayesian matrix factorization (Lim &amp; Teh 2007; Raiko, Ilin &amp; Karhunen
   * 2007): ALS-shaped updates that also carry each vector's posterior variance, learn one prior
   * variance per factor dimension and the noise variance, and export the posterior means; the
   * variances act as data-driven, per-row regularization that MAP estimation lacks.
   */
  VB,
  /**
   * Bayesian probabilistic matrix factorization by Gibbs sampling (Salakhutdinov &amp; Mnih 2008):
   * draws factors, intercepts, Normal–Wishart hyperparameters and the noise from the posterior, and
   * exports the average of {@code num_samples} kept draws as one model: their factor blocks side by
   * side ({@code num_factors} wide), compressed to at most 64 factors by a truncated SVD of the
   * predictive mean ({@link PosteriorMeanCompression}), so averaging over the posterior needs no
   * change to scoring and costs no more to serve than a 64-factor model.
   */
  GIBBS;

  /** Parses {@code auto}, {@code als}, {@code vb} or {@code gibbs}, case-insensitive. */
  public static TrainingMethod parse(String text) {
    return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
  }

  /** The lowercase name used in configs and manifests. */
  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
