package io.recopipe.components.testing;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.StepContext;
import io.recopipe.components.api.StepLog;
import io.recopipe.components.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A step context for component tests that records what a step logs and measures, so each test
 * package only says where outputs go and which warehouse (if any) the step sees.
 */
public abstract class RecordingStepContext implements StepContext {
  /** Inputs by port. */
  public final Map<String, Path> inputs = new LinkedHashMap<>();

  /** The step's parameters. */
  public final Map<String, String> parameters = new LinkedHashMap<>();

  /** Metrics the step recorded. */
  public final Map<String, Double> metrics = new LinkedHashMap<>();

  /** Every log line, info and progress, in order. */
  public final List<String> log = new ArrayList<>();

  /** Info lines only. */
  public final List<String> info = new ArrayList<>();

  /** Progress lines only. */
  public final List<String> progress = new ArrayList<>();

  /** The champion model directory, when a test sets one. */
  public Path champion;

  private final String stepName;
  private final String runId;
  private final Path outputs;
  private final Path cache;

  /** Outputs go to {@code outputs/PORT}; the cache is {@code cache}. */
  protected RecordingStepContext(String stepName, String runId, Path outputs, Path cache) {
    this.stepName = stepName;
    this.runId = runId;
    this.outputs = outputs;
    this.cache = cache;
  }

  /** The warehouse the step sees, or null when it must use none. */
  protected Warehouse warehouseOrNull() {
    return null;
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public String stepName() {
    return stepName;
  }

  @Override
  public Path input(String port) throws ComponentException {
    Path dir = inputs.get(port);
    if (dir == null) {
      throw new ComponentException("no input " + port);
    }
    return dir;
  }

  @Override
  public boolean hasInput(String port) {
    return inputs.containsKey(port);
  }

  @Override
  public Path output(String port) {
    try {
      return Files.createDirectories(outputs.resolve(port));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Map<String, String> parameters() {
    return parameters;
  }

  @Override
  public Warehouse warehouse() {
    Warehouse warehouse = warehouseOrNull();
    if (warehouse == null) {
      throw new UnsupportedOperationException(stepName + " uses no warehouse");
    }
    return warehouse;
  }

  @Override
  public StepLog log() {
    return new StepLog() {
      @Override
      public void info(String line) {
        log.add(line);
        info.add(line);
      }

      @Override
      public void progress(String line) {
        log.add(line);
        progress.add(line);
      }
    };
  }

  @Override
  public void metric(String name, double value) {
    metrics.put(name, value);
  }

  @Override
  public Optional<Path> championModel() {
    return Optional.ofNullable(champion);
  }

  @Override
  public Path cacheDirectory() {
    return cache;
  }
}
