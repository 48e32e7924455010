package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.json.JsonObject;
import io.recopipe.model.json.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchImplicitCommandTest {
  @Test
  void timesBothSolversOnAPresetWithTheAnchor() {
    CliRunner.Result result = CliRunner.run("bench", "implicit", "--skip-quality",
        "--speed-preset", "ml-100k", "--speed-factors", "8", "--speed-iterations", "2",
        "--threads", "1");
    assertEquals(ExitCodes.OK, result.code(), result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals(2, lines.size(), result.out());
    JsonObject cg = JsonParser.parse(lines.get(0)).asObject();
    JsonObject exact = JsonParser.parse(lines.get(1)).asObject();
    assertEquals("preset-ml-100k-cg", cg.getString("case"));
    assertEquals("cholesky", exact.getString("solver"));
    assertEquals(2, cg.getLong("iterations"));
    assertTrue(cg.getDouble("seconds_per_iteration") > 0, lines.get(0));
    assertTrue(cg.getString("anchor").contains("2.75 s per iteration"), lines.get(0));
    // both solvers minimize the same objective and land close to each other
    assertEquals(exact.getDouble("objective"), cg.getDouble("objective"),
        0.02 * exact.getDouble("objective"), result.out());
  }
}
