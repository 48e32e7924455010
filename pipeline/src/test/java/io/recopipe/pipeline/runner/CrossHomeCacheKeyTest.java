package io.recopipe.pipeline.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache keys of the same pipeline on the same data are equal in two homes: nothing the runner
 * puts into a key names a home, a path inside it or a run. Checked for the steps up to train (with
 * train's cache in each home), where inputs are data and options only.
 */
class CrossHomeCacheKeyTest {
  private static final List<String> STEPS = List.of("ingest", "tune", "train");

  @TempDir Path dir;

  @Test
  void theSameRunInTwoHomesHasTheSameCacheKeys() {
    Map<String, String> first = keys(dir.resolve("first"));
    Map<String, String> second = keys(dir.resolve("second home"));
    assertEquals(STEPS, List.copyOf(first.keySet()).stream().filter(STEPS::contains).toList());
    for (String step : STEPS) {
      assertNotNull(first.get(step), step);
      assertEquals(first.get(step), second.get(step), "cache key of " + step);
    }
  }

  /**
   * The cache key of every step that has one, in execution order, after two runs (the second hits
   * the cache and must compute the same keys).
   */
  private static Map<String, String> keys(Path root) {
    RecopipeHome home = RecopipeHome.at(root);
    RunOptions quiet = RunOptions.to(new PrintStream(OutputStream.nullOutputStream()));
    try (LocalRunner runner = AtomicRunTest.newRunner(home)) {
      RunResult run =
          runner.run(MovieLensMfPipeline.definition(), AtomicRunTest.parameters(Map.of()), quiet);
      assertEquals(RunStatus.SUCCEEDED, run.status(), run.message());
      RunResult cached =
          runner.run(MovieLensMfPipeline.definition(), AtomicRunTest.parameters(Map.of()), quiet);
      assertEquals(
          true,
          cached.step("train").orElseThrow().cacheHit(),
          "the second run in " + root + " takes train from the cache");
      Map<String, String> keys = new LinkedHashMap<>();
      for (StepResult step : cached.steps()) {
        if (step.cacheKey() != null) {
          keys.put(step.step(), step.cacheKey());
        }
        if (STEPS.contains(step.step())) {
          assertEquals(run.step(step.step()).orElseThrow().cacheKey(), step.cacheKey());
        }
      }
      return keys;
    }
  }
}
