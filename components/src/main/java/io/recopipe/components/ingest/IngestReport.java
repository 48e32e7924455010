package io.recopipe.components.ingest;

import io.recopipe.components.dataset.RatingCounts;
import io.recopipe.model.data.Ratings;
import java.util.Locale;

/**
 * The validation report ({@code report.json}) of an ingest: provenance, size, density, rating
 * histogram, duplicates, bad rows skipped under {@code max_bad_records}, and the split. It holds no
 * times or absolute temp paths, so identical inputs give identical bytes and the step caches
 * honestly.
 */
final class IngestReport {
  private IngestReport() {}

  /** The report as pretty-printed JSON with a fixed key order. */
  static String json(IngestedData data, Ratings ratings, Splits.Membership split, SplitSpec spec) {
    int users = ratings.users().size();
    int items = ratings.items().size();
    double density = users == 0 || items == 0 ? 0 : ratings.size() / ((double) users * items);
    StringBuilder json = new StringBuilder("{\n");
    field(json, "format", quote(data.format()));
    field(json, "source", quote(data.source()));
    field(json, "lines_read", Long.toString(data.linesRead()));
    field(json, "bad_records", Integer.toString(data.rejected().size()));
    field(json, "duplicates_resolved", Integer.toString(data.duplicatesResolved()));
    field(json, "rows", Integer.toString(ratings.size()));
    field(json, "users", Integer.toString(users));
    field(json, "items", Integer.toString(items));
    field(json, "density", String.format(Locale.ROOT, "%.8f", density));
    field(json, "rating_histogram", histogram(ratings));
    field(json, "movies", data.movies().map(m -> Integer.toString(m.size())).orElse("null"));
    field(json, "users_catalog", data.users().map(u -> Integer.toString(u.size())).orElse("null"));
    json.append("  \"split\": {\"method\": ").append(quote(spec.method()));
    if (spec.method().equals(SplitSpec.RANDOM)) {
      json.append(", \"eval_fraction\": ")
          .append(spec.evalFraction())
          .append(", \"seed\": ")
          .append(spec.seed());
    } else {
      json.append(", \"eval_per_user\": ").append(spec.evalPerUser());
    }
    json.append(", \"train_rows\": ")
        .append(split.trainRows())
        .append(", \"eval_rows\": ")
        .append(split.evalRows())
        .append("}\n}\n");
    return json.toString();
  }

  private static void field(StringBuilder json, String name, String value) {
    json.append("  ").append(quote(name)).append(": ").append(value).append(",\n");
  }

  private static String histogram(Ratings ratings) {
    RatingCounts counts = RatingCounts.of(ratings);
    StringBuilder json = new StringBuilder("{");
    for (float value : counts.values()) {
      if (json.length() > 1) {
        json.append(", ");
      }
      String label =
          value == Math.rint(value) ? Long.toString((long) value) : Float.toString(value);
      json.append(quote(label)).append(": ").append(counts.count(value));
    }
    return json.append('}').toString();
  }

  static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\t' -> quoted.append("\\t");
        case '\r' -> quoted.append("\\r");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
