package io.recopipe.components.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.dataset.MovieTitles;
import io.recopipe.components.steps.StepFixtures;
import io.recopipe.components.warehouse.DuckDbWarehouse;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.scoring.BatchRecommender;
import io.recopipe.model.scoring.RatedItems;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendationsTableTest {
  @TempDir Path tmp;

  /**
   * The table loaded from the TSV equals, row for row and in order, the table the per-row appender
   * loads from boxed rows built as the export step built them before.
   */
  @Test
  void tsvLoadEqualsTheBoxedRowLoadInDuckDb() throws Exception {
    Path dataset = StepFixtures.dataset(tmp.resolve("data"), 5);
    MfModel model =
        ModelBundle.load(
                StepFixtures.train(dataset, tmp.resolve("train"), "4", "2.0").output("model"))
            .model();
    List<String> movies = new ArrayList<>();
    for (int i = 0; i < model.items().size(); i += 2) {
      String id = model.items().id(i);
      movies.add(id + "\t  Amélie's \\\"Film\" " + id + " (2001)\t" + (i % 4 == 0 ? "Drama" : ""));
    }
    Files.write(dataset.resolve(DatasetLayout.MOVIES), movies, StandardCharsets.UTF_8);
    MovieTitles titles = MovieTitles.read("export", dataset);
    BatchRecommender.Table table =
        new BatchRecommender(model, RatedItems.none(), 2).recommendAll(7, false);
    Optional<RatingRange> range = Optional.of(new RatingRange(1f, 5f));
    Path tsv = tmp.resolve("recs.tsv");
    long rows = RecommendationsTable.writeTsv(tsv, model, table, titles, range, 3);
    Path single = tmp.resolve("single.tsv");
    RecommendationsTable.writeTsv(single, model, table, titles, range, 1);
    assertArrayEquals(
        Files.readAllBytes(tsv),
        Files.readAllBytes(single),
        "the file does not depend on the thread count");

    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("w.duckdb"))) {
      warehouse.replaceTableFromTsv("recommendations", RecommendationsTable.COLUMNS, tsv);
      warehouse.replaceTable(
          "boxed", RecommendationsTable.COLUMNS, boxedRows(model, table, titles, range.get()));
      // a published table is a view (no rowid) that reads its rows in the order they were loaded
      List<List<Object>> loaded = warehouse.query("SELECT * FROM recommendations").rows();
      List<List<Object>> expected = warehouse.query("SELECT * FROM boxed").rows();
      assertEquals(model.users().size() * 7L, rows);
      assertEquals(rows, loaded.size());
      assertEquals(expected, loaded);
    }
  }

  /** The rows as the export step used to build them: boxed values, one list per row. */
  private static List<List<Object>> boxedRows(
      MfModel model, BatchRecommender.Table table, MovieTitles titles, RatingRange range) {
    List<List<Object>> rows = new ArrayList<>();
    for (int u = 0; u < table.counts().length; u++) {
      for (int rank = 0; rank < table.counts()[u]; rank++) {
        String item = model.items().id(table.item(u, rank));
        MovieTitles.Entry entry = titles.get(item);
        rows.add(
            Arrays.asList(
                model.users().id(u),
                (long) rank + 1,
                item,
                (double) Math.max(range.min(), Math.min(range.max(), table.rating(u, rank))),
                entry == null ? null : entry.title(),
                entry == null ? null : entry.genres()));
      }
    }
    return rows;
  }
}
