package io.recopipe.serving.model;

import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.scoring.ItemScorer;
import io.recopipe.model.scoring.RatedItems;
import io.recopipe.model.scoring.Recommender;
import java.time.Instant;

/**
 * One loaded, verified, immutable model with everything a request needs, so that a hot swap is a
 * single reference write and a request that started on it finishes on it.
 */
public final class LoadedModel {
  private final ModelBundle bundle;
  private final String version;
  private final ItemScorer scorer;
  private final RatedItems rated;
  private final Instant loadedAt;
  private final ThreadLocal<Recommender> recommenders;
  private final float ratingMin;
  private final float ratingMax;

  /** Wraps {@code bundle} under {@code version} (prepares the shared scorer). */
  public LoadedModel(ModelBundle bundle, String version, Instant loadedAt) {
    this.bundle = bundle;
    this.version = version;
    this.scorer = new ItemScorer(bundle.model());
    this.rated = bundle.ratedItems().orElse(RatedItems.none());
    this.loadedAt = loadedAt;
    this.recommenders = ThreadLocal.withInitial(() -> new Recommender(scorer, rated));
    RatingRange range = bundle.manifest().predictionRange().orElse(null);
    this.ratingMin = range == null ? Float.NEGATIVE_INFINITY : range.min();
    this.ratingMax = range == null ? Float.POSITIVE_INFINITY : range.max();
  }

  /**
   * A raw score as served: clamped into the bundle's {@link
   * io.recopipe.model.bundle.BundleManifest#predictionRange() prediction range}, when it has one.
   */
  public float served(float score) {
    return score < ratingMin ? ratingMin : score > ratingMax ? ratingMax : score;
  }

  /** The bundle as loaded. */
  public ModelBundle bundle() {
    return bundle;
  }

  /** The model. */
  public MfModel model() {
    return bundle.model();
  }

  /** The content version ({@link io.recopipe.model.bundle.ContentVersion}). */
  public String version() {
    return version;
  }

  /** The run that trained the model, or "" when the manifest names none. */
  public String runId() {
    String runId = bundle.manifest().provenance().runId();
    return runId == null ? "" : runId;
  }

  /** Whether the bundle stores rated items (otherwise {@code exclude_rated} excludes nothing). */
  public boolean hasRatedItems() {
    return bundle.ratedItems().isPresent();
  }

  /** When this process loaded it. */
  public Instant loadedAt() {
    return loadedAt;
  }

  /** This thread's recommender (scratch buffers are per thread, the scorer is shared). */
  public Recommender recommender() {
    return recommenders.get();
  }
}
