package io.recopipe.components.ingest;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.api.StepContext;
import io.recopipe.components.dataset.IdKind;
import io.recopipe.components.warehouse.Column;
import io.recopipe.components.warehouse.RowSplit;
import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.model.data.Ratings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Publishes a dataset directory as the warehouse tables users query ({@code ratings}, {@code
 * train}, {@code eval}, {@code movies}, {@code users}, {@code rejected_rows}) with BigQuery
 * ML–friendly column names; a source without catalogs or rejects gets empty tables so titles or
 * rejects from an earlier data set never mix with new ratings.
 */
final class IngestTables {
  static final List<Column> RATINGS =
      List.of(
          new Column("user_id", "VARCHAR"),
          new Column("item_id", "VARCHAR"),
          new Column("rating", "DOUBLE"),
          new Column("timestamp", "BIGINT"));
  static final List<Column> MOVIES =
      List.of(
          new Column("item_id", "VARCHAR"),
          new Column("title", "VARCHAR"),
          new Column("genres", "VARCHAR"));
  static final List<Column> USERS =
      List.of(
          new Column("user_id", "VARCHAR"),
          new Column("gender", "VARCHAR"),
          new Column("age", "BIGINT"),
          new Column("occupation", "VARCHAR"),
          new Column("zip", "VARCHAR"));

  private IngestTables() {}

  /** Publishes every table of the dataset in {@code dir}. */
  static void publish(Path dir, Warehouse warehouse) throws ComponentException {
    publishRatings(dir, warehouse, null, null, Set.of());
    publishCatalogs(dir, warehouse);
  }

  /**
   * Starts opening the step's warehouse on a background thread (the first use in a run opens the
   * DuckDB file), so that it is ready by the time the ratings files are written; {@link
   * RatingsLoad#start} then loads them.
   */
  static RatingsLoad prepare(StepContext context) {
    return new RatingsLoad(
        CompletableFuture.supplyAsync(
            context::warehouse, runnable -> daemon(runnable, "ingest-warehouse-open")));
  }

  /** The id columns of the ratings tables whose ids in {@code ratings} are all integers. */
  static Set<String> integerIds(Ratings ratings) {
    Set<String> columns = new HashSet<>();
    if (IdKind.of(ratings.users()) == IdKind.INTEGER) {
      columns.add("user_id");
    }
    if (IdKind.of(ratings.items()) == IdKind.INTEGER) {
      columns.add("item_id");
    }
    return columns;
  }

  private static void daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Loads {@code ratings}, {@code train} and {@code eval} from the files of a dataset directory on
   * a background thread once the warehouse is open, so the warehouse's load (the longest part of
   * ingest) overlaps the step's remaining work.
   */
  static final class RatingsLoad {
    private final CompletableFuture<Warehouse> opened;
    private CompletableFuture<ComponentException> outcome;

    private RatingsLoad(CompletableFuture<Warehouse> opened) {
      this.opened = opened;
    }

    /**
     * Starts loading the ratings files already in {@code dir}, which hold {@code sorted}, {@code
     * isEval} flagging the eval rows of {@code ratings.tsv}; {@link #await} waits for it.
     */
    void start(Path dir, Ratings sorted, boolean[] isEval, Set<String> integerIds) {
      outcome =
          opened.thenApplyAsync(
              warehouse -> {
                try {
                  publishRatings(dir, warehouse, sorted, isEval, integerIds);
                  return null;
                } catch (ComponentException e) {
                  return e;
                }
              },
              runnable -> daemon(runnable, "ingest-warehouse-load"));
    }

    /**
     * The open warehouse; a failure to open it is rethrown as it is (as the step's own call of
     * {@link StepContext#warehouse} would have thrown it).
     */
    Warehouse warehouse() {
      try {
        return opened.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException failure) {
          throw failure;
        }
        throw e;
      }
    }

    /** Waits for the load; rethrows its failure. */
    void await() throws ComponentException {
      warehouse();
      ComponentException failure;
      try {
        failure = outcome.join();
      } catch (CompletionException e) {
        throw new ComponentException(
            "ingest: warehouse load failed: " + e.getCause(), e.getCause());
      }
      if (failure != null) {
        throw failure;
      }
    }

    /** Waits for the open and the load, ignoring their outcome (the caller is failing anyway). */
    void awaitQuietly() {
      opened.exceptionally(e -> null).join();
      if (outcome != null) {
        outcome.exceptionally(e -> null).join();
      }
    }
  }

  /**
   * Loads {@code ratings}, {@code train} and {@code eval}: with the eval flags of the ratings rows
   * as one load of the ratings whose split the warehouse may publish without a second copy ({@code
   * integerIds} names the id columns whose ids are all canonical integers), from {@code sorted} in
   * memory when given (the rows of the files), else ({@code isEval} null) each from its file.
   */
  private static void publishRatings(
      Path dir, Warehouse warehouse, Ratings sorted, boolean[] isEval, Set<String> integerIds)
      throws ComponentException {
    Path ratings = dir.resolve(DatasetLayout.RATINGS);
    Path train = dir.resolve(DatasetLayout.TRAIN);
    Path eval = dir.resolve(DatasetLayout.EVAL);
    try {
      RatingsColumns columns = sorted == null ? null : RatingsColumns.of(sorted, integerIds);
      RowSplit split = isEval == null ? null : new RowSplit("eval", eval, "train", train, isEval);
      if (columns != null && split != null) {
        warehouse.replaceTableWithSplit("ratings", RATINGS, integerIds, columns, ratings, split);
      } else if (split != null) {
        warehouse.replaceTableWithSplitFromTsv("ratings", RATINGS, integerIds, ratings, split);
      } else {
        warehouse.replaceTableFromTsv("ratings", RATINGS, ratings);
        warehouse.replaceTableFromTsv("train", RATINGS, train);
        warehouse.replaceTableFromTsv("eval", RATINGS, eval);
      }
    } catch (WarehouseException e) {
      throw new ComponentException("ingest: warehouse " + e.getMessage(), e);
    }
  }

  /** Publishes {@code movies}, {@code users} and {@code rejected_rows} (empty when absent). */
  static void publishCatalogs(Path dir, Warehouse warehouse) throws ComponentException {
    try {
      catalog(warehouse, "movies", MOVIES, dir.resolve(DatasetLayout.MOVIES));
      catalog(warehouse, "users", USERS, dir.resolve(DatasetLayout.USERS));
      catalog(
          warehouse, "rejected_rows", RejectedRowsFile.COLUMNS, dir.resolve(RejectedRowsFile.FILE));
    } catch (WarehouseException | IOException e) {
      throw new ComponentException("ingest: warehouse " + e.getMessage(), e);
    }
  }

  private static void catalog(Warehouse warehouse, String table, List<Column> columns, Path tsv)
      throws WarehouseException, IOException {
    if (Files.isRegularFile(tsv) && Files.size(tsv) > 0) {
      warehouse.replaceTableFromTsv(table, columns, tsv);
    } else {
      warehouse.replaceTable(table, columns, List.of());
    }
  }
}
