package io.recopipe.pipeline.kfp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.warehouse.DuckDbWarehouse;
import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.pipeline.config.PipelineConfig;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.metadata.ExecutionStatus;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import io.recopipe.pipeline.runner.LocalRunner;
import io.recopipe.pipeline.runner.RunOptions;
import io.recopipe.pipeline.runner.RunResult;
import io.recopipe.pipeline.runner.StepResult;
import io.recopipe.pipeline.testing.FastConfig;
import io.recopipe.pipeline.testing.TestRunners;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One config, run by the local runner and compiled for Vertex: the runner reaches exactly the
 * spec's step tasks, and when the gate does not bless, it skips exactly the tasks of the spec's
 * condition sub-DAG.
 */
class LocalRunParityTest {
  @TempDir Path dir;

  private RunResult runLocally(Pipeline pipeline, Map<String, String> params) {
    RecopipeHome home = RecopipeHome.at(dir.resolve("home"));
    try (LocalRunner runner = TestRunners.runner(home, () -> open(home))) {
      return runner.run(
          pipeline,
          params,
          RunOptions.to(new PrintStream(java.io.OutputStream.nullOutputStream())));
    }
  }

  private static DuckDbWarehouse open(RecopipeHome home) {
    try {
      return DuckDbWarehouse.open(home.warehouseDb());
    } catch (WarehouseException e) {
      throw new UncheckedIOException(new java.io.IOException(e.getMessage(), e));
    }
  }

  @Test
  void aGatedLocalRunSkipsExactlyTheConditionSubDag() {
    Pipeline pipeline = MovieLensMfPipeline.definition();
    Map<String, String> params =
        PipelineConfig.parse("fast", FastConfig.YAML).with(Map.of("gate.r2_min", "0.99")).values();
    ObjectNode spec =
        new KfpCompiler(KfpOptions.of(KfpCompilerTest.IMAGE)).compile(pipeline, params);

    RunResult local = runLocally(pipeline, params);

    assertEquals(RunStatus.GATED, local.status(), local.message());
    Set<String> all = new TreeSet<>(SpecTasks.steps(spec).keySet());
    Set<String> conditional = SpecTasks.stepsUnder(spec, "comp-condition-1");
    assertEquals(
        all,
        local.steps().stream()
            .map(StepResult::step)
            .collect(Collectors.toCollection(TreeSet::new)));
    assertEquals(
        conditional,
        local.steps().stream()
            .filter(s -> s.status() == ExecutionStatus.SKIPPED)
            .map(StepResult::step)
            .collect(Collectors.toCollection(TreeSet::new)));
  }
}
