package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchRecommendCommandTest {

  @Test
  void printsOneJsonLinePerRepetition() {
    CliRunner.Result result =
        CliRunner.run(
            "bench", "recommend", "--preset", "ml-100k", "--top-n", "10", "--repeat", "2");
    assertEquals(ExitCodes.OK, result.code(), result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals(2, lines.size(), result.out());
    for (String line : lines) {
      assertTrue(line.startsWith("{\"case\":\"recommend-all-ml-100k\""), line);
      assertTrue(line.contains("\"users\":943"), line);
      assertTrue(line.contains("\"rows\":9430"), line);
      assertTrue(line.contains("\"seconds\":"), line);
    }
  }

  @Test
  void refusesANonPositiveN() {
    CliRunner.Result result = CliRunner.run("bench", "recommend", "--top-n", "0");
    assertEquals(ExitCodes.BAD_INPUT, result.code());
    assertTrue(result.err().contains("--top-n"), result.err());
  }
}
