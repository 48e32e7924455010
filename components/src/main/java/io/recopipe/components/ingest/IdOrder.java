package io.recopipe.components.ingest;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The order ids are written in: numeric when every id is an integer (so user 10 follows user 9, as
 * in the MovieLens files), otherwise by text; ties between spellings like {@code 7} and {@code 07}
 * fall back to text, so the order is total and output files are reproducible.
 */
final class IdOrder {
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
  private static final Comparator<String> NUMERIC =
      Comparator.<String>comparingLong(Long::parseLong).thenComparing(Comparator.naturalOrder());

  private IdOrder() {}

  /** The comparator for {@code ids}: numeric if all are integers, else textual. */
  static Comparator<String> forIds(Collection<String> ids) {
    for (String id : ids) {
      if (!INTEGER.matcher(id).matches()) {
        return Comparator.naturalOrder();
      }
    }
    return NUMERIC;
  }

  /** The rank of each dictionary index when {@code ids} are sorted by {@link #forIds}. */
  static int[] ranks(List<String> ids) {
    Comparator<Integer> order = byIndex(ids);
    Integer[] indexes = new Integer[ids.size()];
    for (int n = 0; n < indexes.length; n++) {
      indexes[n] = n;
    }
    java.util.Arrays.sort(indexes, order);
    int[] rank = new int[indexes.length];
    for (int position = 0; position < indexes.length; position++) {
      rank[indexes[position]] = position;
    }
    return rank;
  }

  /**
   * {@link #forIds}'s order on dictionary indexes, numeric ids parsed once rather than at every
   * comparison (a 138,000-user sort compares millions of times).
   */
  private static Comparator<Integer> byIndex(List<String> ids) {
    if (forIds(ids) != NUMERIC) {
      return (a, b) -> ids.get(a).compareTo(ids.get(b));
    }
    long[] values = new long[ids.size()];
    for (int n = 0; n < values.length; n++) {
      values[n] = Long.parseLong(ids.get(n));
    }
    return (a, b) ->
        values[a] != values[b]
            ? Long.compare(values[a], values[b])
            : ids.get(a).compareTo(ids.get(b));
  }
}
