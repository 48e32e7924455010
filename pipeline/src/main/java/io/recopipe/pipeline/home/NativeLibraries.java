package io.recopipe.pipeline.home;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the native libraries of a home's two databases on background threads, so a command that
 * will run a pipeline does not wait for them one after the other: each process unpacks them from
 * the jar before its first use (SQLite's ~1 MB, DuckDB's ~70 MB, a few hundred ms), which can
 * overlap reading the config and opening the metadata store.
 *
 * <p>Each library's first user calls {@link #await} before touching it, so a library is never
 * initialised by two threads at once; without a {@link #preload} that returns at once. A failed
 * preload is ignored: the first real use reports the problem as it would have.
 */
public final class NativeLibraries {
  /** SQLite (the metadata store). */
  public static final String SQLITE = "sqlite";

  /** DuckDB (the local warehouse). */
  public static final String DUCKDB = "duckdb";

  private static final Map<String, CompletableFuture<Void>> LOADING = new ConcurrentHashMap<>();

  private NativeLibraries() {}

  /** Starts loading both libraries, each on its own daemon thread (once per process). */
  public static void preload() {
    preload(true);
  }

  /**
   * Starts loading SQLite's library and, when {@code warehouse} (a run that will use the local
   * DuckDB warehouse), DuckDB's, each on its own daemon thread (once per process).
   */
  public static void preload(boolean warehouse) {
    start(SQLITE, () -> org.sqlite.SQLiteJDBCLoader.initialize());
    if (warehouse) {
      start(
          DUCKDB,
          () -> new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties()).close());
    }
  }

  /** Waits until the preload of {@code library} has ended, if one was started. */
  public static void await(String library) {
    CompletableFuture<Void> loading = LOADING.get(library);
    if (loading != null) {
      loading.exceptionally(e -> null).join();
    }
  }

  /** Work that loads a library. */
  private interface Load {
    void run() throws Exception;
  }

  private static void start(String library, Load load) {
    LOADING.computeIfAbsent(
        library,
        name -> {
          CompletableFuture<Void> done = new CompletableFuture<>();
          Thread thread =
              new Thread(
                  () -> {
                    try {
                      load.run();
                      done.complete(null);
                    } catch (Throwable e) {
                      done.completeExceptionally(e);
                    }
                  },
                  "recopipe-load-" + name);
          thread.setDaemon(true);
          thread.start();
          return done;
        });
  }
}
