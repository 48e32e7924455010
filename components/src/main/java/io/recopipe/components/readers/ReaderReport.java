package io.recopipe.components.readers;

import io.recopipe.model.data.Ratings;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a reader did, recorded by the ingest step so a run's provenance shows exactly what went into
 * the model: where from, which format, how many lines and duplicates, and the rating mix.
 *
 * @param format the format detected or requested
 * @param source the path read (directory, archive or file)
 * @param linesRead lines of the ratings file, header and blank lines included
 * @param rowsKept ratings kept after resolving duplicates
 * @param duplicatesResolved duplicate (user, item) rows dropped (the latest timestamp is kept)
 * @param users distinct users
 * @param items distinct items
 * @param ratingHistogram how many ratings have each value, ascending
 */
public record ReaderReport(
    DatasetFormat format,
    String source,
    long linesRead,
    int rowsKept,
    int duplicatesResolved,
    int users,
    int items,
    SortedMap<Float, Long> ratingHistogram) {

  /** Freezes the histogram. */
  public ReaderReport {
    ratingHistogram = Collections.unmodifiableSortedMap(new TreeMap<>(ratingHistogram));
  }

  static ReaderReport of(DatasetFormat format, String source, RatingsReadResult result) {
    Ratings ratings = result.ratings();
    return new ReaderReport(
        format,
        source,
        result.linesRead(),
        ratings.size(),
        result.duplicatesResolved(),
        ratings.users().size(),
        ratings.items().size(),
        histogram(ratings));
  }

  /** Counts ratings per value; half-star values use an array, anything else a map. */
  static SortedMap<Float, Long> histogram(Ratings ratings) {
    long[] halfSteps = new long[201]; // -50.0 .. 50.0 in steps of 0.5
    Map<Float, Long> others = new HashMap<>();
    for (int n = 0; n < ratings.size(); n++) {
      float rating = ratings.rating(n);
      float doubled = rating * 2;
      if (doubled == Math.rint(doubled) && Math.abs(doubled) <= 100) {
        halfSteps[(int) doubled + 100]++;
      } else {
        others.merge(rating, 1L, Long::sum);
      }
    }
    SortedMap<Float, Long> histogram = new TreeMap<>(others);
    for (int n = 0; n < halfSteps.length; n++) {
      if (halfSteps[n] > 0) {
        histogram.put((n - 100) / 2f, halfSteps[n]);
      }
    }
    return histogram;
  }

  /** A one-line summary for logs. */
  public String summary() {
    return format.label()
        + " from "
        + source
        + ": "
        + rowsKept
        + " ratings, "
        + users
        + " users, "
        + items
        + " items, "
        + duplicatesResolved
        + " duplicates resolved, "
        + linesRead
        + " lines read";
  }
}
