package io.recopipe.pipeline.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecopipeHomeTest {
  @TempDir Path dir;

  @Test
  void anExplicitHomeWinsThenTheEnvironmentThenTheWorkingDirectory() {
    Map<String, String> env = Map.of(RecopipeHome.ENV, dir.resolve("env").toString());
    assertEquals(dir.resolve("flag"), RecopipeHome.resolve(dir.resolve("flag"), env, dir).root());
    assertEquals(dir.resolve("env"), RecopipeHome.resolve(null, env, dir).root());
    assertEquals(dir.resolve(".recopipe"), RecopipeHome.resolve(null, Map.of(), dir).root());
    assertEquals(
        dir.resolve(".recopipe"),
        RecopipeHome.resolve(null, Map.of(RecopipeHome.ENV, " "), dir).root());
  }

  @Test
  void everyPathLivesUnderTheHome() {
    RecopipeHome home = RecopipeHome.at(dir.resolve("h")).create();
    assertEquals(dir.resolve("h/metadata.db"), home.metadataDb());
    assertEquals(dir.resolve("h/warehouse.duckdb"), home.warehouseDb());
    assertTrue(Files.isDirectory(home.artifacts()));
    assertTrue(Files.isDirectory(home.cache()));
  }
}
