package io.recopipe.pipeline.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.warehouse.DuckDbWarehouse;
import io.recopipe.pipeline.metadata.MetadataStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTest {
  @TempDir Path temp;

  @Test
  void awaitingALibraryNobodyPreloadsReturnsAtOnce() {
    long start = System.nanoTime();
    NativeLibraries.await("not-preloaded");
    assertTrue(System.nanoTime() - start < 1_000_000_000L);
  }

  @Test
  void preloadedLibrariesServeTheStoresThatAwaitThem() throws Exception {
    NativeLibraries.preload();
    NativeLibraries.preload(); // a second call starts nothing new
    long loaders =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().equals("recopipe-load-" + NativeLibraries.DUCKDB))
            .count();
    assertTrue(loaders <= 1, loaders + " DuckDB loader threads");
    try (MetadataStore store = MetadataStore.open(temp.resolve("metadata.db"))) {
      assertTrue(Files.isRegularFile(store.file()));
    }
    NativeLibraries.await(NativeLibraries.DUCKDB);
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(temp.resolve("warehouse.duckdb"))) {
      assertEquals(List.of(List.of(1)), warehouse.query("SELECT 1 AS one").rows());
    }
  }
}
