package io.recopipe.components.steps;

import io.recopipe.components.warehouse.Column;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.scoring.BatchRecommender;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code recommendations} warehouse table: each user's top-N items with rank, predicted
 * rating, title and genres, so an application (or a person with SQL) reads ready-made lists.
 */
public final class RecommendationsTable {
  /** The table name. */
  public static final String NAME = "recommendations";

  /** Columns: user_id, rank (1..N), item_id, predicted_rating, title, genres. */
  public static final List<Column> COLUMNS = List.of(new Column("user_id", "VARCHAR"),
      new Column("rank", "BIGINT"), new Column("item_id", "VARCHAR"),
      new Column("predicted_rating", "DOUBLE"), new Column("title", "VARCHAR"),
      new Column("genres", "VARCHAR"));

  private RecommendationsTable() {
  }

  /**
   * The rows of {@code table} in user-index then rank order, built as they are read; titles and
   * genres are NULL for items missing from {@code titles}; predicted ratings are clamped into
   * {@code range} when there is one (ranks stay by the raw score, which clamping never reorders).
   */
  static List<List<Object>> rows(MfModel model, BatchRecommender.Table table,
      MovieTitles titles, Optional<RatingRange> range) {
    float min = range.map(RatingRange::min).orElse(Float.NEGATIVE_INFINITY);
    float max = range.map(RatingRange::max).orElse(Float.POSITIVE_INFINITY);
    int users = table.counts().length;
    int[] offsets = new int[users + 1];
    for (int u = 0; u < users; u++) {
      offsets[u + 1] = offsets[u] + table.counts()[u];
    }
    return new AbstractList<>() {
      @Override
      public List<Object> get(int index) {
        int u = Arrays.binarySearch(offsets, index);
        u = u >= 0 ? u : -u - 2;
        while (table.counts()[u] == 0 || offsets[u + 1] <= index) {
          u++;
        }
        int rank = index - offsets[u];
        String item = model.items().id(table.item(u, rank));
        MovieTitles.Entry entry = titles.get(item);
        return Arrays.asList(model.users().id(u), (long) rank + 1, item,
            (double) Math.max(min, Math.min(max, table.rating(u, rank))),
            entry == null ? null : entry.title(),
            entry == null ? null : entry.genres());
      }

      @Override
      public int size() {
        return offsets[users];
      }
    };
  }
}
