package io.recopipe.components.steps;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.StepContext;
import io.recopipe.components.api.StepLog;
import io.recopipe.components.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A step context over directories in a test's temp dir, recording log lines and metrics. */
final class TestContext implements StepContext {
  final Map<String, Path> inputs = new HashMap<>();
  final Map<String, String> parameters = new LinkedHashMap<>();
  final FakeWarehouse warehouse = new FakeWarehouse();
  final List<String> progress = new ArrayList<>();
  final List<String> info = new ArrayList<>();
  final Map<String, Double> metrics = new LinkedHashMap<>();
  private final Path outputRoot;
  private final String runId;
  Path champion;

  TestContext(Path outputRoot, String runId) {
    this.outputRoot = outputRoot;
    this.runId = runId;
  }

  TestContext input(String port, Path dir) {
    inputs.put(port, dir);
    return this;
  }

  TestContext set(String key, String value) {
    parameters.put(key, value);
    return this;
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public String stepName() {
    return "test";
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
    Path dir = outputRoot.resolve(port);
    try {
      return Files.createDirectories(dir);
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
    return warehouse;
  }

  @Override
  public StepLog log() {
    return new StepLog() {
      @Override
      public void info(String line) {
        info.add(line);
      }

      @Override
      public void progress(String line) {
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
    return outputRoot.resolve("cache");
  }
}
