package io.recopipe.components.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.validation.DataCheck.Outcome;
import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Compares a run's dataset with the champion's, as TFX's ExampleValidator does between spans:
 * schema, row count, rating distribution and how much of the eval split the champion has seen. The
 * champion's side is its bundle's {@link DataProfile} and id lists; without a profile the profile
 * checks are "not comparable", never a silent pass.
 */
public final class DataValidator {
  /** Check name: the schema summary is unchanged. */
  public static final String SCHEMA = "schema";

  /** Check name: relative change of the number of ratings. */
  public static final String ROW_COUNT_CHANGE = "row_count_change";

  /** Check name: L-infinity distance of the rating histograms. */
  public static final String RATING_HISTOGRAM_DISTANCE = "rating_histogram_distance";

  /** Check name: share of eval users unknown to the champion. */
  public static final String UNKNOWN_EVAL_USERS = "unknown_eval_users";

  /** Check name: share of eval items unknown to the champion. */
  public static final String UNKNOWN_EVAL_ITEMS = "unknown_eval_items";

  private static final String NO_PROFILE = "champion bundle has no data profile";

  private DataValidator() {}

  /**
   * Validates {@code candidate} (with its eval split {@code eval}) against the champion's {@code
   * championProfile} (empty for an older bundle) and id lists.
   */
  public static DataValidation validate(
      DataProfile candidate,
      Ratings eval,
      Optional<DataProfile> championProfile,
      IdDictionary championUsers,
      IdDictionary championItems,
      DataThresholds t) {
    List<DataCheck> checks = new ArrayList<>();
    List<String> review = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    if (championProfile.isEmpty()) {
      checks.add(DataCheck.notComparable(SCHEMA, 0, NO_PROFILE));
      t.maxRowCountChange()
          .ifPresent(max -> checks.add(DataCheck.notComparable(ROW_COUNT_CHANGE, max, NO_PROFILE)));
      t.maxRatingHistogramDistance()
          .ifPresent(
              max ->
                  checks.add(DataCheck.notComparable(RATING_HISTOGRAM_DISTANCE, max, NO_PROFILE)));
      review.add("data not comparable with the champion's: " + NO_PROFILE);
    } else {
      DataProfile champion = championProfile.get();
      DataCheck schema = schema(candidate.schema(), champion.schema());
      checks.add(schema);
      if (schema.outcome() == Outcome.FAIL) {
        review.add("data schema changed: " + schema.detail());
      }
      t.maxRowCountChange().ifPresent(max -> checks.add(rowCount(candidate, champion, max)));
      t.maxRatingHistogramDistance()
          .ifPresent(
              max -> {
                DataCheck check = histogram(candidate, champion, max);
                checks.add(check);
                if (check.outcome() == Outcome.NOT_COMPARABLE) {
                  review.add("rating histograms not comparable: " + check.detail());
                }
              });
      for (DataCheck check : checks) {
        if (check.outcome() == Outcome.FAIL && !check.name().equals(SCHEMA)) {
          failed.add(check.name());
        }
      }
    }
    List<String> unknown = new ArrayList<>();
    for (DataCheck check : overlap(eval, championUsers, championItems, t)) {
      checks.add(check);
      if (check.outcome() == Outcome.FAIL) {
        unknown.add(check.detail());
      }
    }
    if (!unknown.isEmpty()) {
      review.add(
          "data not comparable with the champion's, so the change-vs-champion checks "
              + "were not made: "
              + String.join("; ", unknown));
    }
    return new DataValidation(checks, unknown.isEmpty(), review, failed);
  }

  private static DataCheck schema(ObjectNode candidate, ObjectNode champion) {
    List<String> changes = new ArrayList<>();
    for (String field : JsonFields.names(candidate)) {
      JsonNode theirs = champion.get(field);
      JsonNode ours = candidate.get(field);
      if (!ours.equals(theirs)) {
        changes.add(
            field
                + " "
                + (theirs == null ? "(none)" : Json.compact(theirs))
                + " → "
                + Json.compact(ours));
      }
    }
    return changes.isEmpty()
        ? new DataCheck(
            SCHEMA, 0, 0, Outcome.PASS, "columns, id kinds and rating scale " + "unchanged")
        : new DataCheck(SCHEMA, changes.size(), 0, Outcome.FAIL, String.join("; ", changes));
  }

  private static DataCheck rowCount(DataProfile candidate, DataProfile champion, double max) {
    double change =
        champion.ratingRows() == 0
            ? Double.POSITIVE_INFINITY
            : Math.abs(candidate.ratingRows() - champion.ratingRows())
                / (double) champion.ratingRows();
    boolean pass = change <= max;
    return new DataCheck(
        ROW_COUNT_CHANGE,
        change,
        max,
        pass ? Outcome.PASS : Outcome.FAIL,
        String.format(
            Locale.ROOT,
            "%,d ratings vs the champion's %,d: %s change (%s %s)",
            candidate.ratingRows(),
            champion.ratingRows(),
            percent(change),
            pass ? "within" : "beyond",
            percent(max)));
  }

  private static DataCheck histogram(DataProfile candidate, DataProfile champion, double max) {
    OptionalDouble distance = candidate.histogram().distance(champion.histogram());
    if (distance.isEmpty()) {
      return DataCheck.notComparable(
          RATING_HISTOGRAM_DISTANCE,
          max,
          "the rating histograms' buckets differ: continuous ratings over different ranges");
    }
    double d = distance.getAsDouble();
    boolean pass = d <= max;
    return new DataCheck(
        RATING_HISTOGRAM_DISTANCE,
        d,
        max,
        pass ? Outcome.PASS : Outcome.FAIL,
        String.format(
            Locale.ROOT,
            "L-infinity distance %.4f between the rating histograms " + "(%s %.4f)",
            d,
            pass ? "within" : "beyond",
            max));
  }

  private static List<DataCheck> overlap(
      Ratings eval, IdDictionary users, IdDictionary items, DataThresholds t) {
    List<DataCheck> checks = new ArrayList<>();
    t.maxUnknownEvalUsers()
        .ifPresent(
            max -> checks.add(unknown(UNKNOWN_EVAL_USERS, "users", eval.users(), users, max)));
    t.maxUnknownEvalItems()
        .ifPresent(
            max -> checks.add(unknown(UNKNOWN_EVAL_ITEMS, "items", eval.items(), items, max)));
    return checks;
  }

  private static DataCheck unknown(
      String name, String what, IdDictionary eval, IdDictionary known, double max) {
    int unknown = 0;
    for (String id : eval.ids()) {
      if (known.indexOf(id) < 0) {
        unknown++;
      }
    }
    double share = eval.size() == 0 ? 0 : unknown / (double) eval.size();
    boolean pass = share <= max;
    return new DataCheck(
        name,
        share,
        max,
        pass ? Outcome.PASS : Outcome.FAIL,
        String.format(
            Locale.ROOT,
            "%,d of %,d eval %s (%s) unknown to the champion (%s %s)",
            unknown,
            eval.size(),
            what,
            percent(share),
            pass ? "within" : "beyond",
            percent(max)));
  }

  private static String percent(double share) {
    return Double.isInfinite(share)
        ? "unbounded"
        : String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }
}
