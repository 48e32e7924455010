package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchPipelineCommandTest {

  @Test
  void printsEachStepAndATotalForAColdAndACachedRun(@TempDir Path dir) throws IOException {
    Path config = dir.resolve("fast.yaml");
    Files.writeString(config, RunCommandTest.FAST_CONFIG);
    CliRunner.Result result = CliRunner.run("bench", "pipeline", "--config", config.toString(),
        "--data", "preset:ml-100k");
    assertEquals(ExitCodes.OK, result.code(), result.err());
    List<String> lines = result.out().lines().toList();
    int steps = io.recopipe.pipeline.movielens.MovieLensMfPipeline.definition().steps().size();
    assertEquals(2 * (steps + 1), lines.size(), result.out());
    assertTrue(lines.get(steps).startsWith("{\"case\":\"pipeline-cold\",\"step\":\"total\","
        + "\"status\":\"SUCCEEDED\""), lines.get(steps));
    assertTrue(lines.get(steps + 1).contains("\"step\":\"ingest\"") && lines.get(steps + 1)
        .contains("\"cache_hit\":true"), lines.get(steps + 1));
    assertTrue(lines.get(2 * steps + 1).contains("\"wall_s\":"), lines.get(2 * steps + 1));
  }
}
