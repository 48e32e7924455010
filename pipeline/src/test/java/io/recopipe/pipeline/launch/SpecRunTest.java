package io.recopipe.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.io.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small spec shaped as KFP's compiler writes them (a condition sub-DAG as in {@code
 * essential/pipeline_with_condition.yaml}, an exit task as in {@code
 * failing/pipeline_with_exit_handler.yaml}, retries as in {@code critical/pipeline_with_retry.yaml}
 * at kubeflow/pipelines 7b70c7b95f6832772efd6fd0029a4024491a0f44), with {@code sh} executors so it
 * runs in milliseconds: typed inputs, runtime values, output files, the executor output file,
 * conditions, retries, final statuses and the cache.
 */
class SpecRunTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  private JsonNode run(String spec, Map<String, String> overrides, boolean expectSuccess)
      throws Exception {
    Path file = dir.resolve("spec.json");
    Files.writeString(file, spec);
    SpecRun.Outcome outcome =
        SpecRun.load(file, overrides)
            .run(dir.resolve("home"), false, new PrintStream(log, true, StandardCharsets.UTF_8));
    assertEquals(expectSuccess, outcome.succeeded(), log.toString(StandardCharsets.UTF_8));
    JsonNode record = Json.parse(Files.readAllBytes(outcome.directory().resolve(SpecRun.RECORD)));
    assertEquals(outcome.job(), record.path("job").asText());
    return record.path("tasks");
  }

  @Test
  void aFalseConditionSkipsTheSubDagAndRetriesRecover() throws Exception {
    JsonNode tasks = run(DemoSpec.JSON, Map.of("counter", dir.resolve("counter").toString()), true);
    assertEquals(3, tasks.path("produce").path("parameters").path("Output").asInt());
    assertEquals("NOT_TRIGGERED", tasks.path("condition-1").path("state").asText());
    assertTrue(tasks.path("condition-1.consume").isMissingNode());
    assertEquals("SUCCEEDED", tasks.path("flaky").path("state").asText());
    assertEquals(2, tasks.path("flaky").path("attempts").asInt());
    JsonNode status = Json.parse(tasks.path("exit").path("parameters").path("seen").asText());
    assertEquals("SUCCEEDED", status.path("state").asText());
    assertEquals("flaky", status.path("pipelineTaskName").asText());
  }

  @Test
  void aTrueConditionRunsTheSubDagAndTheCacheServesTheNextJob() throws Exception {
    Map<String, String> overrides =
        Map.of("n", "7", "counter", dir.resolve("counter").toString(), "flag", "false");
    JsonNode tasks = run(DemoSpec.JSON, overrides, true);
    assertEquals("SUCCEEDED", tasks.path("condition-1").path("state").asText());
    String text = tasks.path("condition-1.consume").path("parameters").path("text").asText();
    assertTrue(text.matches("demo-\\d{14}-7-false"), text); // job name, artifact, typed flag
    Path data = Path.of(tasks.path("produce").path("artifacts").path("data").path("path").asText());
    assertTrue(
        data.startsWith(dir.resolve("home/spec-runs/artifacts/gcs/recopipe-local")),
        data.toString());

    JsonNode again = run(DemoSpec.JSON, overrides, true);
    assertEquals("CACHED", again.path("produce").path("state").asText());
    assertEquals(tasks.path("produce").path("artifacts"), again.path("produce").path("artifacts"));
    assertEquals("SUCCEEDED", again.path("condition-1.consume").path("state").asText());
  }

  @Test
  void aFailedTaskStopsItsDependentsButNotTheExitTask() throws Exception {
    JsonNode tasks =
        run(DemoSpec.JSON, Map.of("counter", dir.resolve("absent/dir/counter").toString()), false);
    assertEquals("FAILED", tasks.path("flaky").path("state").asText());
    assertEquals(3, tasks.path("flaky").path("attempts").asInt());
    JsonNode status = Json.parse(tasks.path("exit").path("parameters").path("seen").asText());
    assertEquals("FAILED", status.path("state").asText());
  }

  @Test
  void badOverridesAndGcpSpecsAreRefusedBeforeAnythingIsWritten() throws Exception {
    Path file = dir.resolve("spec.json");
    Files.writeString(file, DemoSpec.JSON);
    assertTrue(
        assertThrows(InvalidInputException.class, () -> SpecRun.load(file, Map.of("nope", "1")))
            .getMessage()
            .startsWith("--set nope: the spec has no root parameter nope (parameters: [counter,"));
    assertEquals(
        "--set n=abc: NUMBER_INTEGER parameter n: expected an integer, found 'abc'",
        assertThrows(InvalidInputException.class, () -> SpecRun.load(file, Map.of("n", "abc")))
            .getMessage());
    Files.writeString(
        file,
        DemoSpec.JSON.replace(
            "\"image\": \"demo\",",
            "\"image\": \"demo\", \"env\": [{\"name\": \"RECOPIPE_PROFILE\", \"value\": \"gcp\"}],"));
    String gcp =
        assertThrows(InvalidInputException.class, () -> SpecRun.load(file, Map.of())).getMessage();
    assertTrue(
        gcp.startsWith(
            file
                + ": deploymentSpec.executors.exec-consume.container.env: the spec "
                + "was compiled for the gcp profile"),
        gcp);
    Files.writeString(file, DemoSpec.JSON.replace("\"retryPolicy\"", "\"parameterIterator\""));
    assertEquals(
        file
            + ": root.dag.tasks.flaky.parameterIterator: loops (dsl.ParallelFor) are not "
            + "supported (run --spec)",
        assertThrows(InvalidInputException.class, () -> SpecRun.load(file, Map.of())).getMessage());
    Files.writeString(
        file, DemoSpec.JSON.replace("\"producerTask\": \"produce\"", "\"producerTask\": \"x\""));
    assertTrue(
        assertThrows(InvalidInputException.class, () -> SpecRun.load(file, Map.of()))
            .getMessage()
            .contains(": no task x in this DAG"));
    assertFalse(Files.exists(dir.resolve("home")));
  }
}
