package io.recopipe.pipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineConfigTest {
  @Test
  void theShippedDefaultFlattensToDottedKeys() {
    PipelineConfig config = PipelineConfig.defaults();
    assertEquals("movielens-1m", config.values().get("ingest.source"));
    assertEquals("auto", config.values().get("train.method"));
    assertEquals("0.2", config.values().get("gate.r2_min"));
    assertEquals("true", config.values().get("export.exclude_rated"));
    assertEquals("scratch", config.values().get("package.base_image"));
    assertEquals("8501", config.values().get("deploy.port"));
  }

  @Test
  void theDocumentedCopyEqualsTheBundledDefault() throws IOException {
    Path documented = Path.of("movielens-mf.yaml");
    if (!Files.exists(documented)) {
      documented = Path.of("pipeline/movielens-mf.yaml");
    }
    assertEquals(PipelineConfig.load(documented).values(), PipelineConfig.defaults().values());
  }

  @Test
  void overridesWinAndMustNameASection() {
    PipelineConfig config =
        PipelineConfig.defaults()
            .with(Map.of("train.num_factors", "66", "ingest.source", "preset:ml-100k"));
    assertEquals("66", config.values().get("train.num_factors"));
    assertEquals("preset:ml-100k", config.values().get("ingest.source"));
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> PipelineConfig.defaults().with(Map.of("num_factors", "5")));
    assertTrue(e.getMessage().contains("expected SECTION.KEY=VALUE"), e.getMessage());
  }

  @Test
  void malformedYamlNamesTheFileLineAndColumn(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "train:\n  num_factors: 5\n bad indent: [\n");
    ConfigException e = assertThrows(ConfigException.class, () -> PipelineConfig.load(file));
    assertTrue(e.getMessage().startsWith("config " + file + " line "), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void aFileIsLayeredOverTheShippedConfigAndSetGoesOnTop(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("l2.yaml"), "train:\n  l2_reg: 5.5\n");
    PipelineConfig config = PipelineConfig.layered(file, Map.of("train.seed", "7"));
    Map<String, String> shipped = PipelineConfig.defaults().values();
    assertEquals("5.5", config.values().get("train.l2_reg"));
    assertEquals("7", config.values().get("train.seed"));
    shipped.forEach(
        (key, value) -> {
          if (!key.equals("train.l2_reg") && !key.equals("train.seed")) {
            assertEquals(value, config.values().get(key), key);
          }
        });
    Set<String> keys = new HashSet<>(shipped.keySet());
    keys.addAll(List.of("train.l2_reg", "train.seed"));
    assertEquals(keys, config.values().keySet());
    assertEquals("built-in movielens-mf.yaml + " + file + " + --set", config.source());
  }

  @Test
  void theShorthandLayersOverTheShippedPolicy(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("review.yaml"), "promotion: review\n");
    PipelineConfig config = PipelineConfig.layered(file, Map.of());
    assertEquals("review", config.values().get("promotion.policy"));
    assertFalse(
        config.values().containsKey("promotion.expires_after"),
        "keys the shipped config leaves out are inherited from the home's policy");
  }

  @Test
  void aDuplicateSectionNamesItsLineAndColumn(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("dup.yaml"),
            "train:\n  l2_reg: 1.0\ngate:\n  r2_min: 0.1\ntrain:\n  seed: 3\n");
    ConfigException e = assertThrows(ConfigException.class, () -> PipelineConfig.load(file));
    assertTrue(e.getMessage().startsWith("config " + file + " line 5, column 1:"), e.getMessage());
    assertTrue(e.getMessage().contains("Duplicate field 'train'"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void aDuplicateKeyInASectionNamesItsLineAndColumn(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("dup.yaml"), "train:\n  l2_reg: 1.0\n  seed: 3\n  l2_reg: 2.0\n");
    ConfigException e = assertThrows(ConfigException.class, () -> PipelineConfig.load(file));
    assertTrue(e.getMessage().startsWith("config " + file + " line 4, column 3:"), e.getMessage());
    assertTrue(e.getMessage().contains("Duplicate field 'l2_reg'"), e.getMessage());
  }

  @Test
  void controlCharactersInAParseErrorAreEscaped() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> PipelineConfig.parse("esc.yaml", "train: [\u001b[31m\n"));
    assertTrue(!e.getMessage().contains("\u001b"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void aMissingFileIsOneLine(@TempDir Path dir) {
    ConfigException e =
        assertThrows(ConfigException.class, () -> PipelineConfig.load(dir.resolve("none.yaml")));
    assertTrue(e.getMessage().endsWith("none.yaml: no such file"), e.getMessage());
  }

  @Test
  void anEmptyFileHasNoParameters(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("empty.yaml");
    Files.writeString(file, "# nothing\n");
    assertTrue(PipelineConfig.load(file).values().isEmpty());
  }
}
