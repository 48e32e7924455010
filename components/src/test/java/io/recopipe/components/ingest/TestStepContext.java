package io.recopipe.components.ingest;

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

/** A minimal step context for component tests: temp directories, a real warehouse, a log. */
final class TestStepContext implements StepContext {
  private final Path root;
  private final Map<String, String> parameters;
  private final Warehouse warehouse;
  final Map<String, Double> metrics = new LinkedHashMap<>();
  final List<String> log = new ArrayList<>();

  TestStepContext(Path root, Warehouse warehouse, Map<String, String> parameters) {
    this.root = root;
    this.warehouse = warehouse;
    this.parameters = Map.copyOf(parameters);
  }

  @Override
  public String runId() {
    return "test-run";
  }

  @Override
  public String stepName() {
    return "ingest";
  }

  @Override
  public Path input(String port) throws ComponentException {
    throw new ComponentException("no input " + port);
  }

  @Override
  public boolean hasInput(String port) {
    return false;
  }

  @Override
  public Path output(String port) {
    try {
      return Files.createDirectories(root.resolve("out").resolve(port));
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
        log.add(line);
      }

      @Override
      public void progress(String line) {
        log.add(line);
      }
    };
  }

  @Override
  public void metric(String name, double value) {
    metrics.put(name, value);
  }

  @Override
  public Optional<Path> championModel() {
    return Optional.empty();
  }

  @Override
  public Path cacheDirectory() {
    return root.resolve("cache");
  }
}
