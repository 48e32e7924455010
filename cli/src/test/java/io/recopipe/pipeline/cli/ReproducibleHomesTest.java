package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.packaging.ModelVersion;
import io.recopipe.pipeline.testing.FastConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped pipeline run with the same data, config and seed in two separate homes, caching off:
 * every step's cache key, the model's bytes and its version are the same, so the second home could
 * have reused the first's work and both name the model alike.
 */
class ReproducibleHomesTest {
  private static final List<String> STEPS =
      List.of("ingest", "train", "evaluate", "gate", "export", "package");

  @TempDir Path dir;

  @Test
  void twoHomesComputeTheSameKeysModelAndVersion() throws Exception {
    Path config = dir.resolve("fast.yaml");
    Files.writeString(config, FastConfig.YAML);
    Run first = run(dir.resolve("home-a"), config);
    Run second = run(dir.resolve("home-b"), config);

    for (String step : STEPS) {
      assertTrue(first.cacheKeys().containsKey(step), step + " did not run: " + first);
      assertEquals(
          first.cacheKeys().get(step), second.cacheKeys().get(step), "cache key of " + step);
    }
    assertEquals(first.outputs(), second.outputs(), "every step's outputs hash alike");
    assertFalse(first.modelSha256().isEmpty());
    assertEquals(first.modelSha256(), second.modelSha256(), "the exported MODEL artifact");
    assertEquals(first.modelVersion(), second.modelVersion(), "registered model version");
    assertEquals(first.modelVersion(), ModelVersion.of(first.exportedModel()));
    assertEquals(second.modelVersion(), ModelVersion.of(second.exportedModel()));
  }

  /** What one run recorded: keys by step, output hashes by step/port, the model and version. */
  private record Run(
      Map<String, String> cacheKeys,
      Map<String, String> outputs,
      String modelSha256,
      String modelVersion,
      Path exportedModel) {}

  private static Run run(Path home, Path config) throws SQLException {
    CliRunner.Result result =
        CliRunner.run(
            "run", "--home", home.toString(), "--config", config.toString(), "--no-cache");
    assertEquals(ExitCodes.OK, result.code(), result.transcript());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("metadata.db"));
        Statement statement = c.createStatement()) {
      Map<String, String> keys = new TreeMap<>();
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT step, cache_key FROM executions WHERE status = 'SUCCEEDED'")) {
        while (rs.next()) {
          keys.put(rs.getString(1), rs.getString(2));
        }
      }
      Map<String, String> outputs = new TreeMap<>();
      String modelSha = "";
      String modelUri = "";
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT e.step, l.port, a.type, a.sha256, a.uri"
                  + " FROM executions e JOIN lineage l ON l.execution_id = e.id"
                  + " AND l.direction = 'OUTPUT' JOIN artifacts a ON a.id = l.artifact_id"
                  + " WHERE l.port <> 'log' AND e.step <> 'deploy'")) {
        while (rs.next()) {
          outputs.put(rs.getString(1) + "/" + rs.getString(2), rs.getString(4));
          if (rs.getString(1).equals("export") && rs.getString(3).equals("MODEL")) {
            modelSha = rs.getString(4);
            modelUri = rs.getString(5);
          }
        }
      }
      String version = "";
      try (ResultSet rs = statement.executeQuery("SELECT model_version FROM model_versions")) {
        if (rs.next()) {
          version = rs.getString(1);
        }
      }
      return new Run(keys, outputs, modelSha, version, home.resolve("artifacts").resolve(modelUri));
    }
  }
}
