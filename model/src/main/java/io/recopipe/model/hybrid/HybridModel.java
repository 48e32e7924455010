package io.recopipe.model.hybrid;

import io.recopipe.model.mf.MfModel;

/**
 * Matrix factorization corrected by two ridge regressions over metadata: a warm one on MF's
 * residual for users MF has seen, and a cold one on the intercept-only fallback's residual (with
 * item factors too) for users MF has never seen but whose metadata is known; MF stays the served
 * model, this one is evaluated beside it.
 */
public final class HybridModel {
  private final MfModel mf;
  private final FeatureEncoder encoder;
  private final LinearWeights warm;
  private final LinearWeights cold;

  /** Creates a model from its parts. */
  public HybridModel(MfModel mf, FeatureEncoder encoder, LinearWeights warm, LinearWeights cold) {
    this.mf = mf;
    this.encoder = encoder;
    this.warm = warm;
    this.cold = cold;
  }

  /**
   * Predicts user {@code user}'s rating of {@code item} by external ids; a user MF does not know,
   * or any user when {@code asCold}, is predicted from metadata and item factors only.
   *
   * @param profile the user's metadata, null when unknown
   * @param movie the item's metadata, null when unknown
   */
  public double predict(
      String user, String item, UserProfile profile, ItemProfile movie, boolean asCold) {
    int u = asCold ? -1 : mf.users().indexOf(user);
    int i = mf.items().indexOf(item);
    double[] x = new double[encoder.dimension()];
    double offset = encoder.encode(x, mf, u, i, profile, movie);
    return offset + (u >= 0 ? warm : cold).predict(x);
  }

  /** The underlying MF model. */
  public MfModel mf() {
    return mf;
  }

  /** The feature encoder. */
  public FeatureEncoder encoder() {
    return encoder;
  }

  /** The regression of MF's residual, for users MF knows. */
  public LinearWeights warm() {
    return warm;
  }

  /** The regression of the fallback's residual, for cold-start users. */
  public LinearWeights cold() {
    return cold;
  }
}
