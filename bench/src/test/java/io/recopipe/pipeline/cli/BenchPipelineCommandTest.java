package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
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
    CliRunner.Result result =
        CliRunner.run(
            "bench", "pipeline", "--config", config.toString(), "--data", "preset:ml-100k");
    assertEquals(ExitCodes.OK, result.code(), result.err());
    List<String> lines = result.out().lines().toList();
    int steps = io.recopipe.pipeline.movielens.MovieLensMfPipeline.definition().steps().size();
    assertEquals(2 * (steps + 1), lines.size(), result.out());
    JsonNode ingest = JsonFields.asObject(Json.parse(lines.get(0)));
    assertEquals("ml-100k", JsonFields.string(ingest, "case"));
    assertEquals("cold", JsonFields.string(ingest, "pass"));
    assertEquals("ingest", JsonFields.string(ingest, "step"));
    assertEquals(100_000, JsonFields.longValue(ingest, "rows"));
    assertTrue(JsonFields.longValue(ingest, "rows_per_s") > 0, lines.get(0));
    JsonNode total = JsonFields.asObject(Json.parse(lines.get(steps)));
    assertEquals("total", JsonFields.string(total, "step"));
    assertEquals("SUCCEEDED", JsonFields.string(total, "status"));
    assertTrue(JsonFields.longValue(total, "peak_rss_mb") > 0, lines.get(steps));
    double outside = JsonFields.doubleValue(total, "outside_steps_seconds");
    assertTrue(
        outside >= 0 && outside <= JsonFields.doubleValue(total, "seconds"), lines.get(steps));
    assertTrue(JsonFields.doubleValue(total, "cpu_seconds") > 0, lines.get(steps));
    JsonNode cachedIngest = JsonFields.asObject(Json.parse(lines.get(steps + 1)));
    assertEquals("cached", JsonFields.string(cachedIngest, "pass"));
    assertTrue(JsonFields.bool(cachedIngest, "cache_hit"), lines.get(steps + 1));
    assertTrue(lines.get(2 * steps + 1).contains("\"seconds\":"), lines.get(2 * steps + 1));
  }
}
