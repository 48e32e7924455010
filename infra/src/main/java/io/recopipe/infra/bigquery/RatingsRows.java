package io.recopipe.infra.bigquery;

import io.recopipe.components.warehouse.Column;
import io.recopipe.model.data.Ratings;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Ratings as warehouse rows in ingest's columns (user_id, item_id, rating, timestamp), produced one
 * at a time, so loading millions of ratings never holds them all as objects.
 */
final class RatingsRows {
  /** The columns ingest publishes its ratings tables with. */
  static final List<Column> COLUMNS =
      List.of(
          new Column("user_id", "VARCHAR"),
          new Column("item_id", "VARCHAR"),
          new Column("rating", "DOUBLE"),
          new Column("timestamp", "BIGINT"));

  private RatingsRows() {}

  /** The rows of {@code ratings}, in row order. */
  static Iterable<List<Object>> of(Ratings ratings) {
    return () ->
        new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < ratings.size();
          }

          @Override
          public List<Object> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            int n = next++;
            return Arrays.asList(
                ratings.users().id(ratings.user(n)),
                ratings.items().id(ratings.item(n)),
                (double) ratings.rating(n),
                ratings.timestamp(n));
          }
        };
  }
}
