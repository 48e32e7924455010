package io.recopipe.components.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.warehouse.DuckDbWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The home is chosen by option, then environment, then default, and homes stay apart. */
class RecopipeHomeTest {
  @Test
  void optionBeatsEnvironmentBeatsDefault(@TempDir Path tmp) {
    Map<String, String> env = Map.of("RECOPIPE_HOME", "from-env");
    assertEquals(tmp.resolve("from-option"),
        RecopipeHome.resolve(Optional.of("from-option"), env, tmp).root());
    assertEquals(tmp.resolve("from-env"), RecopipeHome.resolve(Optional.empty(), env, tmp).root());
    assertEquals(tmp.resolve(".recopipe"),
        RecopipeHome.resolve(Optional.of(" "), Map.of("RECOPIPE_HOME", ""), tmp).root());
    Path absolute = tmp.resolve("abs");
    assertEquals(absolute, RecopipeHome.resolve(Optional.of(absolute.toString()), env,
        Path.of("/elsewhere")).root());
  }

  @Test
  void everythingLivesUnderTheRoot(@TempDir Path tmp) throws Exception {
    RecopipeHome home = RecopipeHome.at(tmp.resolve("h")).create();
    for (Path path : List.of(home.warehouse(), home.metadataStore(), home.artifacts(),
        home.cache())) {
      assertTrue(path.startsWith(home.root()), path.toString());
    }
    assertTrue(Files.isDirectory(home.artifacts()));
    assertTrue(Files.isDirectory(home.cache()));
  }

  @Test
  void twoHomesNeverShareTables(@TempDir Path tmp) throws Exception {
    RecopipeHome one = RecopipeHome.at(tmp.resolve("one")).create();
    RecopipeHome two = RecopipeHome.at(tmp.resolve("two")).create();
    try (DuckDbWarehouse a = DuckDbWarehouse.open(one.warehouse());
        DuckDbWarehouse b = DuckDbWarehouse.open(two.warehouse())) {
      a.replaceTableAs("marker", "SELECT 1 AS x");
      assertTrue(a.hasTable("marker"));
      assertFalse(b.hasTable("marker"));
    }
  }
}
