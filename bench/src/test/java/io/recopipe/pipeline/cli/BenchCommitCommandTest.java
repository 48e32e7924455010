package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchCommitCommandTest {

  @Test
  void publishesEveryStagedTableAndPrintsOneJsonLinePerSize() {
    CliRunner.Result result = CliRunner.run("bench", "commit", "--ratings", "1440,14400");
    assertEquals(ExitCodes.OK, result.code(), result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals(2, lines.size(), result.out());
    assertTrue(
        lines
            .get(0)
            .startsWith(
                "{\"case\":\"commit-1440\",\"ratings\":1440,"
                    + "\"recommendations\":500,\"tables\":5,\"seconds\":"),
        lines.get(0));
    assertTrue(
        lines
            .get(1)
            .startsWith(
                "{\"case\":\"commit-14400\",\"ratings\":14400,"
                    + "\"recommendations\":5000,\"tables\":5,\"seconds\":"),
        lines.get(1));
    assertTrue(lines.get(1).contains("\"cpu_seconds\":"), lines.get(1));
  }

  @Test
  void refusesATinySize() {
    CliRunner.Result result = CliRunner.run("bench", "commit", "--ratings", "5");
    assertEquals(ExitCodes.BAD_INPUT, result.code());
    assertTrue(result.err().contains("--ratings"), result.err());
  }
}
