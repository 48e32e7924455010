package io.recopipe.pipeline.kfp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.api.Port;
import io.recopipe.components.api.Services;
import io.recopipe.components.warehouse.Column;
import io.recopipe.components.warehouse.DuckDbWarehouse;
import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.model.io.Json;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.testing.TestStep;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit task publishes a job's staged tables only when no gate refused the model: a task that
 * runs beside the gate (as {@code hybrid} does) and stages a table after a refusing gate dropped
 * the job's tables does not get it published by a SUCCEEDED job's commit.
 */
class ContainerCommitTest {
  @TempDir Path dir;
  private Warehouse warehouse;
  private ContainerRun run;

  /** A gate-like step that blesses or not. */
  private static TestStep decides(boolean blessed) {
    return TestStep.of(
        "gate",
        List.of(Port.of("decision", ArtifactType.GATE_DECISION)),
        context ->
            Files.writeString(
                context.output("decision").resolve("decision.json"),
                "{\"blessed\": " + blessed + ", \"checks\": []}"));
  }

  /** A step that stages one table, as hybrid stages its evaluation. */
  private static final TestStep WRITES =
      TestStep.of(
          "hybrid",
          List.of(),
          context ->
              context
                  .warehouse()
                  .replaceTable(
                      "hybrid_evaluation",
                      List.of(new Column("x", "BIGINT")),
                      List.of(List.of(1L))));

  @BeforeEach
  void start() throws Exception {
    warehouse = DuckDbWarehouse.open(dir.resolve("warehouse.duckdb"));
  }

  @AfterEach
  void stop() throws Exception {
    warehouse.close();
  }

  private void runJob(boolean blessed) throws Exception {
    Pipeline pipeline =
        Pipeline.builder("p").step("gate", decides(blessed)).step("hybrid", WRITES).build();
    run =
        new ContainerRun(
            pipeline,
            () -> warehouse,
            Services.none(),
            dir.resolve("work"),
            new PrintStream(OutputStream.nullOutputStream()));
    run.run(
        "gate",
        "job-1",
        Map.of(),
        Map.of("decision", dir.resolve("decision-" + blessed)),
        Map.of(),
        Map.of());
    run.run("hybrid", "job-1", Map.of(), Map.of(), Map.of(), Map.of());
  }

  private static JsonNode succeeded() {
    return Json.parse("{\"inputs\":{\"parameterValues\":{\"status\":{\"state\":\"SUCCEEDED\"}}}}");
  }

  @Test
  void aTableStagedAfterARefusingGateIsNotPublished() throws Exception {
    runJob(false);
    assertEquals(
        List.of("gjob_1", "rjob_1"),
        warehouse.stagedKeys(),
        "the refusal is recorded, hybrid's table staged");

    assertEquals(List.of(), run.commit("job-1", succeeded()));

    assertFalse(warehouse.hasTable("hybrid_evaluation"), "nothing leaks");
    assertEquals(List.of(), warehouse.stagedKeys(), "staged tables and the record are dropped");
  }

  @Test
  void aBlessingGateLetsTheCommitPublish() throws Exception {
    runJob(true);
    assertEquals(List.of("hybrid_evaluation"), run.commit("job-1", succeeded()));
    assertTrue(warehouse.hasTable("hybrid_evaluation"));
    assertEquals(List.of(), warehouse.stagedKeys());
  }
}
