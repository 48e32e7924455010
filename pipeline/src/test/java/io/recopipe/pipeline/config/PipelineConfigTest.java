package io.recopipe.pipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineConfigTest {
  private static final Set<String> SECTIONS =
      io.recopipe.pipeline.movielens.MovieLensMfPipeline.SECTIONS;

  @Test
  void theShippedDefaultFlattensToDottedKeys() {
    PipelineConfig config = PipelineConfig.defaults().requireSections(SECTIONS);
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
    PipelineConfig config = PipelineConfig.defaults()
        .with(Map.of("train.num_factors", "66", "ingest.source", "preset:ml-100k"));
    assertEquals("66", config.values().get("train.num_factors"));
    assertEquals("preset:ml-100k", config.values().get("ingest.source"));
    ConfigException e = assertThrows(ConfigException.class,
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
  void unknownSectionsAreReportedTogether(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("c.yaml");
    Files.writeString(file, "trian:\n  num_factors: 5\ngates:\n  r2_min: 0.1\n");
    ConfigException e = assertThrows(ConfigException.class,
        () -> PipelineConfig.load(file).requireSections(SECTIONS));
    assertTrue(e.getMessage().contains("unknown sections gates, trian"), e.getMessage());
  }

  @Test
  void aMissingFileIsOneLine(@TempDir Path dir) {
    ConfigException e = assertThrows(ConfigException.class,
        () -> PipelineConfig.load(dir.resolve("none.yaml")));
    assertTrue(e.getMessage().endsWith("none.yaml: no such file"), e.getMessage());
  }

  @Test
  void anEmptyFileHasNoParameters(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("empty.yaml");
    Files.writeString(file, "# nothing\n");
    assertTrue(PipelineConfig.load(file).values().isEmpty());
  }
}
