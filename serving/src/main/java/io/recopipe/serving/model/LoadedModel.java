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

  /**
   * Scores every item with plain loops at first; {@link #prepareScreen} swaps in the fast form
   * (Vector API, screen) once it is compiled.
   */
  private volatile ItemScorer scorer;

  private final RatedItems rated;
  private final Instant loadedAt;
  private final ThreadLocal<Recommender> recommenders = new ThreadLocal<>();
  private final float ratingMin;
  private final float ratingMax;
  private final byte[][] itemIdJson;

  /**
   * Wraps {@code bundle} under {@code version} and prepares the shared scorer in its plain form
   * ({@link ItemScorer#plain}), so that the model serves as soon as it is verified, and its first
   * answers do not wait for the JIT; see {@link #prepareScreen}.
   */
  public LoadedModel(ModelBundle bundle, String version, Instant loadedAt) {
    this.bundle = bundle;
    this.version = version;
    this.scorer = ItemScorer.plain(bundle.model());
    this.rated = bundle.ratedItems().orElse(RatedItems.none());
    this.loadedAt = loadedAt;
    RatingRange range = bundle.manifest().predictionRange().orElse(null);
    this.ratingMin = range == null ? Float.NEGATIVE_INFINITY : range.min();
    this.ratingMax = range == null ? Float.POSITIVE_INFINITY : range.max();
    this.itemIdJson = ItemIdJson.of(bundle.model().items());
  }

  /**
   * Item index {@code item}'s id as the bytes of a quoted JSON string ({@link ItemIdJson}); the
   * caller must not change them.
   */
  public byte[] itemIdJson(int item) {
    return itemIdJson[item];
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

  /**
   * Builds the scorer's fast form (Vector API kernels, and the int8 copy of the item factors that
   * large catalogs screen items with; ItemScorer decides when it pays), runs it until the JIT has
   * compiled it ({@link ScorerWarmup}) and makes later requests use it. Answers are bit-identical
   * before and after, only faster after; a cold JVM takes tenths of a second for this on ml-1m's
   * 3,706 items, which is why it happens after the model serves rather than before.
   */
  public void prepareScreen() {
    ItemScorer current = scorer;
    ItemScorer fast = current.withScreen();
    if (fast != current) {
      ScorerWarmup.run(fast, rated);
      scorer = fast;
    }
  }

  /** This thread's recommender (scratch buffers are per thread, the scorer is shared). */
  public Recommender recommender() {
    ItemScorer current = scorer;
    Recommender recommender = recommenders.get();
    if (recommender == null || recommender.scorer() != current) {
      recommender = new Recommender(current, rated);
      recommenders.set(recommender);
    }
    return recommender;
  }
}
