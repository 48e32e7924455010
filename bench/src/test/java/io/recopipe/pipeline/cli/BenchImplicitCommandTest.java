package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchImplicitCommandTest {
  @Test
  void timesBothSolversOnAPresetWithTheAnchor() {
    CliRunner.Result result =
        CliRunner.run(
            "bench",
            "implicit",
            "--skip-quality",
            "--speed-preset",
            "ml-100k",
            "--speed-factors",
            "8",
            "--speed-iterations",
            "2",
            "--threads",
            "1");
    assertEquals(ExitCodes.OK, result.code(), result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals(2, lines.size(), result.out());
    JsonNode cg = JsonFields.asObject(Json.parse(lines.get(0)));
    JsonNode exact = JsonFields.asObject(Json.parse(lines.get(1)));
    assertEquals("preset-ml-100k-cg", JsonFields.string(cg, "case"));
    assertEquals("cholesky", JsonFields.string(exact, "solver"));
    assertEquals(2, JsonFields.longValue(cg, "iterations"));
    assertTrue(JsonFields.doubleValue(cg, "seconds_per_iteration") > 0, lines.get(0));
    assertTrue(JsonFields.string(cg, "anchor").contains("2.75 s per iteration"), lines.get(0));
    // both solvers minimize the same objective and land close to each other
    assertEquals(
        JsonFields.doubleValue(exact, "objective"),
        JsonFields.doubleValue(cg, "objective"),
        0.02 * JsonFields.doubleValue(exact, "objective"),
        result.out());
  }
}
