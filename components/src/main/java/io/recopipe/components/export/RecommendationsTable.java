package io.recopipe.components.export;

import io.recopipe.components.dataset.MovieTitles;
import io.recopipe.components.warehouse.Column;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.scoring.BatchRecommender;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code recommendations} warehouse table: each user's top-N items with rank, predicted rating,
 * title and genres, so an application (or a person with SQL) reads ready-made lists.
 */
public final class RecommendationsTable {
  /** The table name. */
  public static final String NAME = "recommendations";

  /** Columns: user_id, rank (1..N), item_id, predicted_rating, title, genres. */
  public static final List<Column> COLUMNS =
      List.of(
          new Column("user_id", "VARCHAR"),
          new Column("rank", "BIGINT"),
          new Column("item_id", "VARCHAR"),
          new Column("predicted_rating", "DOUBLE"),
          new Column("title", "VARCHAR"),
          new Column("genres", "VARCHAR"));

  /** Users per formatting chunk (~50 lines each): large enough to amortize a task. */
  private static final int CHUNK_USERS = 512;

  private RecommendationsTable() {}

  /**
   * Writes the rows of {@code table} to {@code tsv} (headerless, tab-separated, the warehouse's TSV
   * load format) in user-index then rank order and returns how many; titles and genres are empty
   * (NULL once loaded) for items missing from {@code titles}; predicted ratings are clamped into
   * {@code range} when there is one (ranks stay by the raw score, which clamping never reorders).
   * Users are formatted in chunks on {@code threads} threads; the bytes are the same for any thread
   * count.
   */
  static long writeTsv(
      Path tsv,
      MfModel model,
      BatchRecommender.Table table,
      MovieTitles titles,
      Optional<RatingRange> range,
      int threads)
      throws IOException {
    float min = range.map(RatingRange::min).orElse(Float.NEGATIVE_INFINITY);
    float max = range.map(RatingRange::max).orElse(Float.POSITIVE_INFINITY);
    int users = table.counts().length;
    String[] itemColumns = itemColumns(model, titles);
    int chunks = (users + CHUNK_USERS - 1) / CHUNK_USERS;
    ParallelTsv.write(
        tsv,
        chunks,
        threads,
        (chunk, out) -> {
          int end = Math.min(users, (chunk + 1) * CHUNK_USERS);
          for (int u = chunk * CHUNK_USERS; u < end; u++) {
            String user = model.users().id(u);
            for (int rank = 0; rank < table.counts()[u]; rank++) {
              int item = table.item(u, rank);
              out.append(user)
                  .append('\t')
                  .append(rank + 1)
                  .append('\t')
                  .append(model.items().id(item))
                  .append('\t')
                  .append((double) Math.max(min, Math.min(max, table.rating(u, rank))))
                  .append(itemColumns[item])
                  .append('\n');
            }
          }
        });
    long rows = 0;
    for (int count : table.counts()) {
      rows += count;
    }
    return rows;
  }

  /** Each item's title and genres fields, each after a tab (empty when unknown). */
  private static String[] itemColumns(MfModel model, MovieTitles titles) {
    String[] columns = new String[model.items().size()];
    for (int i = 0; i < columns.length; i++) {
      MovieTitles.Entry entry = titles.get(model.items().id(i));
      columns[i] =
          entry == null
              ? "\t\t"
              : "\t" + entry.title() + "\t" + (entry.genres() == null ? "" : entry.genres());
    }
    return columns;
  }
}
