package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchTopKCommandTest {

  @Test
  void printsBothModesPerRepetitionAndFindsThemIdentical() {
    CliRunner.Result result =
        CliRunner.run(
            "bench",
            "topk",
            "--presets",
            "ml-100k,ml-1m",
            "--factors",
            "8",
            "--users",
            "40",
            "--repeat",
            "2");
    assertEquals(ExitCodes.OK, result.code(), result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals(8, lines.size(), result.out()); // 2 presets x 2 repetitions x 2 modes
    for (String line : lines) {
      assertTrue(line.startsWith("{\"case\":\"topk-ml-"), line);
      assertTrue(
          line.contains("\"mode\":\"exact\"") || line.contains("\"mode\":\"screened\""), line);
      assertTrue(line.contains("\"requests\":40"), line);
      assertTrue(line.contains("\"cpu_ns_per_request\":"), line);
      assertTrue(line.contains("\"identical\":true"), line);
    }
    assertTrue(result.out().contains("\"items\":3706"), result.out());
  }

  @Test
  void refusesANonPositiveN() {
    CliRunner.Result result = CliRunner.run("bench", "topk", "--top-n", "0");
    assertEquals(ExitCodes.BAD_INPUT, result.code());
    assertTrue(result.err().contains("--top-n"), result.err());
  }
}
