package io.recopipe.model.bundle;

import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.FeedbackType;
import io.recopipe.model.als.TrainingIteration;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.io.Json;
import io.recopipe.model.provenance.Provenance;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a bundle records about its model beyond the numbers: how it was trained (options in BigQuery
 * ML's spelling, ML.TRAINING_INFO rows), how good it is (metrics), what data and code made it
 * (fingerprint, provenance) and what its id columns are called, so that a model file is
 * self-describing when it reaches serving or an audit.
 *
 * <p>Counts, factor count, global intercept and file checksums are not here: the writer takes them
 * from the model and the files it writes, so they cannot disagree.
 *
 * @param feedbackType {@code EXPLICIT} or {@code IMPLICIT}
 * @param options training options, name → JSON-compatible value, normalized as JSON reads them back
 *     (integers to Long, other numbers to Double, NaN to null), so that a manifest read back
 *     compares equal
 * @param trainingInfo one row per iteration; NaN losses are stored as null (SQL's NULL)
 * @param metrics evaluation metrics, name → value, possibly empty; NaN is stored as null
 *     (infinities too, and those read back as NaN)
 * @param dataFingerprint the training data's fingerprint
 * @param provenance where the model came from
 * @param userColumn the name of the user id column, {@code user_id} by default
 * @param itemColumn the name of the item id column, {@code item_id} by default
 * @param range the rating range of the data the model was trained on, which served ratings are
 *     clamped into; null for bundles written before it was recorded (see {@link #ratingRange()})
 */
public record BundleManifest(
    String feedbackType,
    Map<String, Object> options,
    List<TrainingIteration> trainingInfo,
    Map<String, Double> metrics,
    String dataFingerprint,
    Provenance provenance,
    String userColumn,
    String itemColumn,
    RatingRange range) {

  /** The default user id column, as in BigQuery ML's examples. */
  public static final String DEFAULT_USER_COLUMN = "user_id";

  /** The default item id column, as in BigQuery ML's examples. */
  public static final String DEFAULT_ITEM_COLUMN = "item_id";

  /** Checks and normalizes the fields; collections are copied and unmodifiable. */
  @SuppressWarnings("unchecked")
  public BundleManifest {
    Objects.requireNonNull(feedbackType, "feedbackType");
    try {
      feedbackType = FeedbackType.parse(feedbackType).name();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "feedback_type must be EXPLICIT or IMPLICIT, was '" + feedbackType + "'", e);
    }
    // through JSON text and back, so that this equals the manifest a reader will produce
    options =
        (Map<String, Object>)
            Json.toJava(
                Json.parse(Json.compact(Json.valueOf(Objects.requireNonNull(options, "options")))));
    trainingInfo = List.copyOf(trainingInfo);
    Map<String, Double> metricsCopy = new LinkedHashMap<>();
    metrics.forEach(
        (name, value) ->
            metricsCopy.put(
                Objects.requireNonNull(name, "metric name"),
                Objects.requireNonNull(value, () -> "metric " + name)));
    metrics = Collections.unmodifiableMap(metricsCopy);
    Objects.requireNonNull(dataFingerprint, "dataFingerprint");
    Objects.requireNonNull(provenance, "provenance");
    requireName("user column", userColumn);
    requireName("item column", itemColumn);
  }

  /** A manifest without a rating range, as bundles were written before they recorded one. */
  public BundleManifest(
      String feedbackType,
      Map<String, Object> options,
      List<TrainingIteration> trainingInfo,
      Map<String, Double> metrics,
      String dataFingerprint,
      Provenance provenance,
      String userColumn,
      String itemColumn) {
    this(
        feedbackType,
        options,
        trainingInfo,
        metrics,
        dataFingerprint,
        provenance,
        userColumn,
        itemColumn,
        null);
  }

  /** The rating range predictions are clamped into, when the bundle records one. */
  public Optional<RatingRange> ratingRange() {
    return Optional.ofNullable(range);
  }

  /**
   * The range predicted ratings are clamped into wherever they are shown (serving, batch
   * recommendations, the deploy smoke test): the rating range for an explicit model; none for an
   * implicit one, whose scores are confidences, not ratings, nor for a bundle without a range.
   */
  public Optional<RatingRange> predictionRange() {
    return FeedbackType.IMPLICIT.name().equals(feedbackType) ? Optional.empty() : ratingRange();
  }

  private static void requireName(String what, String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException(what + " must be a non-blank name, was '" + name + "'");
    }
  }

  /**
   * Returns a builder pre-filled from a fit: its resolved options, ML.TRAINING_INFO rows, data
   * fingerprint and provenance (code version, commit, seed, data fingerprint).
   */
  public static Builder forFit(io.recopipe.model.als.AlsResult fit) {
    return builder()
        .options(fit.resolvedOptions())
        .feedbackType(fit.options().feedbackType().name())
        .trainingInfo(fit.trainingInfo())
        .dataFingerprint(fit.dataFingerprint())
        .provenance(Provenance.of(fit.options().seed(), fit.dataFingerprint()));
  }

  /** Returns a builder with the default column names and no options, iterations or metrics. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the fields; feedback type and fingerprint may be left to options and provenance. */
  public static final class Builder {
    private String feedbackType;
    private Map<String, Object> options = Map.of();
    private List<TrainingIteration> trainingInfo = List.of();
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private String dataFingerprint;
    private Provenance provenance;
    private String userColumn = DEFAULT_USER_COLUMN;
    private String itemColumn = DEFAULT_ITEM_COLUMN;
    private RatingRange range;

    private Builder() {}

    /** Sets the feedback type, {@code EXPLICIT} or {@code IMPLICIT}. */
    public Builder feedbackType(String value) {
      feedbackType = value;
      return this;
    }

    /** Sets the options map, in BigQuery ML spelling. */
    public Builder options(Map<String, ?> value) {
      options = new LinkedHashMap<>(value);
      return this;
    }

    /** Sets options and feedback type from training options resolved for {@code trainingRows}. */
    public Builder options(AlsOptions value, long trainingRows) {
      options = value.toMap(trainingRows);
      feedbackType = value.feedbackType().name();
      return this;
    }

    /** Sets the ML.TRAINING_INFO rows. */
    public Builder trainingInfo(List<TrainingIteration> value) {
      trainingInfo = value;
      return this;
    }

    /** Adds every metric of {@code value}. */
    public Builder metrics(Map<String, Double> value) {
      metrics.putAll(value);
      return this;
    }

    /** Adds one metric. */
    public Builder metric(String name, double value) {
      metrics.put(name, value);
      return this;
    }

    /** Sets the data fingerprint; by default the provenance's. */
    public Builder dataFingerprint(String value) {
      dataFingerprint = value;
      return this;
    }

    /** Sets the provenance (required). */
    public Builder provenance(Provenance value) {
      provenance = value;
      return this;
    }

    /** Sets the user id column name. */
    public Builder userColumn(String value) {
      userColumn = value;
      return this;
    }

    /** Sets the item id column name. */
    public Builder itemColumn(String value) {
      itemColumn = value;
      return this;
    }

    /** Sets the rating range of the training data (by default none is recorded). */
    public Builder ratingRange(RatingRange value) {
      range = value;
      return this;
    }

    /**
     * Builds the manifest; the feedback type defaults to the options' {@code feedback_type} and the
     * fingerprint to the provenance's.
     *
     * @throws IllegalArgumentException when provenance or the feedback type is missing or invalid
     */
    public BundleManifest build() {
      if (provenance == null) {
        throw new InvalidInputException("a bundle manifest needs provenance");
      }
      String feedback = feedbackType;
      if (feedback == null && options.get("feedback_type") instanceof String fromOptions) {
        feedback = fromOptions;
      }
      if (feedback == null) {
        throw new InvalidInputException("a bundle manifest needs a feedback type");
      }
      return new BundleManifest(
          feedback,
          options,
          trainingInfo,
          metrics,
          dataFingerprint != null ? dataFingerprint : provenance.dataFingerprint(),
          provenance,
          userColumn,
          itemColumn,
          range);
    }
  }
}
