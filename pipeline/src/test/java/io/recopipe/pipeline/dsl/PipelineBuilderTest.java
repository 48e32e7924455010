package io.recopipe.pipeline.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.api.Component;
import io.recopipe.components.api.Port;
import io.recopipe.components.api.StepContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineBuilderTest {
  /** A component that only declares ports. */
  private record Ports(String name, List<Port> inputs, List<Port> outputs) implements Component {
    @Override
    public String version() {
      return "1";
    }

    @Override
    public void validate(Map<String, String> parameters) {
      // takes no parameters and is never run
    }

    @Override
    public void run(StepContext context) {}
  }

  private static final Component INGEST =
      new Ports("ingest", List.of(), List.of(Port.of("dataset", ArtifactType.DATASET)));
  private static final Component TRAIN =
      new Ports(
          "train",
          List.of(Port.of("dataset", ArtifactType.DATASET)),
          List.of(Port.of("model", ArtifactType.MODEL)));
  private static final Component EVALUATE =
      new Ports(
          "evaluate",
          List.of(
              Port.of("dataset", ArtifactType.DATASET),
              Port.of("model", ArtifactType.MODEL),
              Port.optional("champion", ArtifactType.MODEL)),
          List.of(Port.of("metrics", ArtifactType.METRICS)));
  private static final Component GATE =
      new Ports(
          "gate",
          List.of(Port.of("metrics", ArtifactType.METRICS)),
          List.of(Port.of("decision", ArtifactType.GATE_DECISION)));
  private static final Component EXPORT =
      new Ports(
          "export",
          List.of(Port.of("model", ArtifactType.MODEL)),
          List.of(Port.of("model", ArtifactType.MODEL)));

  private static List<String> names(List<Step> steps) {
    return steps.stream().map(Step::name).toList();
  }

  @Test
  void aValidPipelineRunsInDataFlowOrderWithDeclarationOrderAmongReadySteps() {
    Pipeline pipeline =
        Pipeline.builder("movielens-mf")
            .step("export", EXPORT)
            .input("model", "train", "model")
            .when(Condition.whenBlessed("gate", "decision"))
            .step("gate", GATE)
            .input("metrics", "evaluate", "metrics")
            .step(INGEST)
            .step(TRAIN)
            .input("dataset", "ingest", "dataset")
            .retry(RetryPolicy.of(3, Duration.ofSeconds(1), 2.0))
            .cache(false)
            .step(EVALUATE)
            .input("dataset", "ingest", "dataset")
            .input("model", "train", "model")
            .build();
    assertEquals(
        List.of("ingest", "train", "evaluate", "gate", "export"), names(pipeline.executionOrder()));
    assertEquals(List.of("export", "gate", "ingest", "train", "evaluate"), names(pipeline.steps()));
    Step train = pipeline.step("train").orElseThrow();
    assertEquals(3, train.retry().maxAttempts());
    assertTrue(!train.cacheable());
  }

  @Test
  void independentStepsKeepDeclarationOrder() {
    Pipeline pipeline =
        Pipeline.builder("p").step("b", INGEST).step("a", INGEST).step("c", INGEST).build();
    assertEquals(List.of("b", "a", "c"), names(pipeline.executionOrder()));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    PipelineValidationException e =
        assertThrows(
            PipelineValidationException.class,
            () ->
                Pipeline.builder("bad")
                    .step("ingest", INGEST)
                    .step("ingest", INGEST)
                    .step("train", TRAIN)
                    .input("dataset", "ingst", "dataset")
                    .step("evaluate", EVALUATE)
                    .input("dataset", "ingest", "data")
                    .input("model", "ingest", "dataset")
                    .input("labels", "ingest", "dataset")
                    .step("gate", GATE)
                    .step("export", EXPORT)
                    .input("model", "train", "model")
                    .when(Condition.whenBlessed("train", "model"))
                    .step("a.b", INGEST)
                    .build());
    List<String> problems = e.problems();
    List<String> expected =
        List.of(
            "step name ingest is used twice",
            "step name 'a.b' must match",
            "unknown step 'ingst'",
            "unknown output ingest.data",
            "input model expects MODEL but ingest.dataset is DATASET",
            "has no input labels",
            "step gate: required input metrics (METRICS) is not connected",
            "condition blessed(train.model) needs a GATE_DECISION output but train.model is MODEL");
    for (String fragment : expected) {
      assertTrue(
          problems.stream().anyMatch(p -> p.contains(fragment)),
          fragment + " missing in " + problems);
    }
    assertTrue(e.getMessage().startsWith("pipeline bad is invalid: "), e.getMessage());
  }

  @Test
  void cyclesAreReported() {
    Component relay =
        new Ports(
            "relay",
            List.of(Port.of("in", ArtifactType.DATASET)),
            List.of(Port.of("out", ArtifactType.DATASET)));
    PipelineValidationException e =
        assertThrows(
            PipelineValidationException.class,
            () ->
                Pipeline.builder("loop")
                    .step("a", relay)
                    .input("in", "c", "out")
                    .step("b", relay)
                    .input("in", "a", "out")
                    .step("c", relay)
                    .input("in", "b", "out")
                    .build());
    assertEquals(List.of("steps [a, b, c] are in or after a dependency cycle"), e.problems());
  }

  @Test
  void theLogPortIsReservedAndEmptyPipelinesAreRefused() {
    Component logs = new Ports("logs", List.of(), List.of(Port.of("log", ArtifactType.REPORT)));
    PipelineValidationException e =
        assertThrows(
            PipelineValidationException.class, () -> Pipeline.builder("p").step(logs).build());
    assertTrue(e.problems().get(0).contains("reserved"), e.problems().toString());
    PipelineValidationException empty =
        assertThrows(PipelineValidationException.class, () -> Pipeline.builder("p").build());
    assertEquals(List.of("the pipeline has no steps"), empty.problems());
  }

  @Test
  void retryBackoffGrowsGeometrically() {
    RetryPolicy policy = RetryPolicy.of(4, Duration.ofMillis(100), 3.0);
    assertEquals(Duration.ZERO, policy.backoffBefore(1));
    assertEquals(Duration.ofMillis(100), policy.backoffBefore(2));
    assertEquals(Duration.ofMillis(300), policy.backoffBefore(3));
    assertEquals(Duration.ofMillis(900), policy.backoffBefore(4));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.of(0, Duration.ZERO, 1));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.of(1, Duration.ZERO, 0.5));
  }
}
