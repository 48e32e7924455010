package io.recopipe.pipeline.runner;

import io.recopipe.components.api.Component;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.Port;
import io.recopipe.components.api.RolledBackException;
import io.recopipe.components.api.StepContext;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.dsl.PipelineBuilder;
import io.recopipe.pipeline.dsl.Step;
import io.recopipe.pipeline.dsl.StepBuilder;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real component that fails right after doing its work (run or publish, so its warehouse tables
 * are already written) while a marker file exists; with a pause file it first touches a "started"
 * file and sleeps, so a test can kill the process inside the step.
 */
final class InjectedFailure implements Component {
  private final Component real;
  private final Path marker;
  private final Path started;
  private final long pauseMillis;

  InjectedFailure(Component real, Path marker, Path started, long pauseMillis) {
    this.real = real;
    this.marker = marker;
    this.started = started;
    this.pauseMillis = pauseMillis;
  }

  /**
   * The shipped movielens-mf pipeline with step {@code failing}'s component wrapped; every step
   * keeps its inputs, condition, cache and approval settings, and runs once (no retries).
   */
  static Pipeline shippedWith(String failing, Path marker, Path started, long pauseMillis) {
    PipelineBuilder builder = Pipeline.builder(MovieLensMfPipeline.NAME);
    StepBuilder last = null;
    for (Step step : MovieLensMfPipeline.definition().steps()) {
      Component component =
          step.name().equals(failing)
              ? new InjectedFailure(step.component(), marker, started, pauseMillis)
              : step.component();
      last =
          last == null ? builder.step(step.name(), component) : last.step(step.name(), component);
      for (Map.Entry<String, io.recopipe.pipeline.dsl.OutputRef> input : step.inputs().entrySet()) {
        last.input(input.getKey(), input.getValue());
      }
      step.condition().ifPresent(last::when);
      last.cache(step.cacheable()).retry(io.recopipe.pipeline.dsl.RetryPolicy.NONE);
      if (step.requiresApproval()) {
        last.requiresApproval();
      }
    }
    return last.build();
  }

  /** The shipped pipeline failing in {@code failing} while {@code marker} exists. */
  static Pipeline shippedFailingAt(String failing, Path marker) {
    return shippedWith(failing, marker, null, 0);
  }

  @Override
  public String name() {
    return real.name();
  }

  @Override
  public String version() {
    return real.version();
  }

  @Override
  public List<Port> inputs() {
    return real.inputs();
  }

  @Override
  public List<Port> outputs() {
    return real.outputs();
  }

  @Override
  public void validate(Map<String, String> parameters) throws ComponentException {
    real.validate(parameters);
  }

  @Override
  public boolean readsChampion() {
    return real.readsChampion();
  }

  @Override
  public void run(StepContext context) throws ComponentException {
    real.run(context);
    afterWork(context);
  }

  @Override
  public void publish(StepContext context) throws ComponentException {
    real.publish(context);
    afterWork(context);
  }

  private void afterWork(StepContext context) throws ComponentException {
    try {
      if (started != null && Files.exists(marker)) {
        Files.writeString(started, context.runId());
        Thread.sleep(pauseMillis);
      }
    } catch (Exception e) {
      throw new ComponentException("cannot pause: " + e, e);
    }
    if (Files.exists(marker)) {
      String message = context.stepName() + ": injected failure after the step's work";
      throw context.stepName().equals("deploy")
          ? new RolledBackException(message)
          : new ComponentException(message);
    }
  }
}
