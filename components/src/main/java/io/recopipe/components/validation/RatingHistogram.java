package io.recopipe.components.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.dataset.RatingCounts;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The distribution of a dataset's ratings, kept in a bundle's {@code data_profile.json} so a later
 * gate can tell whether new data is rated like the data the champion learned from: one bucket per
 * distinct rating when there are at most {@value #MAX_VALUES} (stars, half stars), otherwise
 * {@value #BINS} equal-width bins between the lowest and highest rating.
 *
 * @param binned whether the buckets are ranges (continuous ratings) rather than single values
 * @param buckets the buckets in ascending order
 */
public record RatingHistogram(boolean binned, List<Bucket> buckets) {
  /** More distinct ratings than this are binned. */
  public static final int MAX_VALUES = 100;

  /** The number of bins of continuous ratings. */
  public static final int BINS = 20;

  /**
   * One bucket: ratings in {@code lower..upper} ({@code lower == upper} for a single value).
   *
   * @param lower the lowest rating counted
   * @param upper the highest rating counted
   * @param count how many ratings fell in it
   */
  public record Bucket(double lower, double upper, long count) {}

  /** Copies the buckets. */
  public RatingHistogram {
    buckets = List.copyOf(buckets);
  }

  /** The histogram of every rating in {@code splits} together. */
  public static RatingHistogram of(List<Ratings> splits) {
    TreeMap<Double, Long> values = new TreeMap<>();
    for (Ratings ratings : splits) {
      RatingCounts counted = RatingCounts.of(ratings);
      for (float rating : counted.values()) {
        values.merge(RatingRange.decimal(rating), counted.count(rating), Long::sum);
      }
    }
    if (values.size() <= MAX_VALUES) {
      List<Bucket> buckets = new ArrayList<>();
      values.forEach((value, count) -> buckets.add(new Bucket(value, value, count)));
      return new RatingHistogram(false, buckets);
    }
    double min = values.firstKey();
    double width = (values.lastKey() - min) / BINS;
    long[] counts = new long[BINS];
    values.forEach(
        (value, count) -> counts[Math.min(BINS - 1, (int) ((value - min) / width))] += count);
    List<Bucket> buckets = new ArrayList<>();
    for (int b = 0; b < BINS; b++) {
      buckets.add(
          new Bucket(
              min + b * width,
              b == BINS - 1 ? values.lastKey() : min + (b + 1) * width,
              counts[b]));
    }
    return new RatingHistogram(true, buckets);
  }

  /**
   * The L-infinity distance to {@code other}: the largest difference between the two normalized
   * histograms' shares of one bucket (0 for the same distribution, at most 1), as TensorFlow Data
   * Validation's drift comparator measures categorical features
   * (https://www.tensorflow.org/tfx/data_validation/get_started#checking_data_skew_and_drift).
   * Empty when the buckets do not line up: binned histograms over different ranges, or one binned
   * and one not.
   */
  public OptionalDouble distance(RatingHistogram other) {
    if (binned != other.binned || binned && !edges().equals(other.edges())) {
      return OptionalDouble.empty();
    }
    Map<String, double[]> shares = new LinkedHashMap<>();
    double total = total();
    double otherTotal = other.total();
    for (Bucket b : buckets) {
      shares.computeIfAbsent(key(b), k -> new double[2])[0] = b.count / total;
    }
    for (Bucket b : other.buckets) {
      shares.computeIfAbsent(key(b), k -> new double[2])[1] = b.count / otherTotal;
    }
    double max = 0;
    for (double[] pair : shares.values()) {
      max = Math.max(max, Math.abs(pair[0] - pair[1]));
    }
    return OptionalDouble.of(max);
  }

  private List<String> edges() {
    return buckets.stream().map(RatingHistogram::key).toList();
  }

  private static String key(Bucket b) {
    return b.lower + ".." + b.upper;
  }

  private double total() {
    long sum = 0;
    for (Bucket b : buckets) {
      sum += b.count;
    }
    return Math.max(1, sum);
  }

  /** The JSON form. */
  public ObjectNode toJson() {
    ObjectNode json = Json.object().put("binned", binned);
    ArrayNode list = json.putArray("buckets");
    for (Bucket b : buckets) {
      list.addObject().put("lower", b.lower).put("upper", b.upper).put("count", b.count);
    }
    return json;
  }

  /**
   * Reads the JSON form.
   *
   * @throws IllegalArgumentException naming the field at fault
   */
  public static RatingHistogram fromJson(ObjectNode json) {
    List<Bucket> buckets = new ArrayList<>();
    for (JsonNode value : JsonFields.array(json, "buckets")) {
      ObjectNode b = JsonFields.asObject(value);
      buckets.add(
          new Bucket(
              JsonFields.doubleValue(b, "lower"),
              JsonFields.doubleValue(b, "upper"),
              JsonFields.longValue(b, "count")));
    }
    return new RatingHistogram(JsonFields.bool(json, "binned"), buckets);
  }
}
