package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.json.JsonObject;
import io.recopipe.model.json.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchPipelineCommandTest {

  @Test
  void printsEachStepWithRowsAndATotalWithPeakRssForAColdAndACachedRun(@TempDir Path dir)
      throws IOException {
    Path config = dir.resolve("fast.yaml");
    Files.writeString(config, RunCommandTest.FAST_CONFIG);
    CliRunner.Result result = CliRunner.run("bench", "pipeline", "--config", config.toString(),
        "--data", "preset:ml-100k");
    assertEquals(ExitCodes.OK, result.code(), result.err());
    List<String> lines = result.out().lines().toList();
    int steps = io.recopipe.pipeline.movielens.MovieLensMfPipeline.definition().steps().size();
    assertEquals(2 * (steps + 1), lines.size(), result.out());
    JsonObject ingest = JsonParser.parse(lines.get(0)).asObject();
    assertEquals("ml-100k", ingest.getString("case"));
    assertEquals("cold", ingest.getString("pass"));
    assertEquals("ingest", ingest.getString("step"));
    assertEquals(100_000, ingest.getLong("rows"));
    assertTrue(ingest.getLong("rows_per_s") > 0, lines.get(0));
    JsonObject total = JsonParser.parse(lines.get(steps)).asObject();
    assertEquals("total", total.getString("step"));
    assertEquals("SUCCEEDED", total.getString("status"));
    assertTrue(total.getLong("peak_rss_mb") > 0, lines.get(steps));
    double outside = total.getDouble("outside_steps_seconds");
    assertTrue(outside >= 0 && outside <= total.getDouble("seconds"), lines.get(steps));
    assertTrue(total.getDouble("cpu_seconds") > 0, lines.get(steps));
    JsonObject cachedIngest = JsonParser.parse(lines.get(steps + 1)).asObject();
    assertEquals("cached", cachedIngest.getString("pass"));
    assertTrue(cachedIngest.getBoolean("cache_hit"), lines.get(steps + 1));
    assertTrue(lines.get(2 * steps + 1).contains("\"seconds\":"), lines.get(2 * steps + 1));
  }
}
