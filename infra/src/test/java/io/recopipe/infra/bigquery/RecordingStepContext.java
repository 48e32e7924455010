package io.recopipe.infra.bigquery;

import io.recopipe.components.api.StepContext;
import io.recopipe.components.api.StepLog;
import io.recopipe.components.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A step context that records log lines and metrics; the engine touches nothing else. */
final class RecordingStepContext implements StepContext {
  final List<String> log = new ArrayList<>();
  final Map<String, Double> metrics = new LinkedHashMap<>();
  private final Warehouse warehouse;

  RecordingStepContext(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @Override
  public String runId() {
    return "run-1";
  }

  @Override
  public String stepName() {
    return "train";
  }

  @Override
  public Path input(String port) {
    throw new UnsupportedOperationException(port);
  }

  @Override
  public boolean hasInput(String port) {
    return false;
  }

  @Override
  public Path output(String port) {
    throw new UnsupportedOperationException(port);
  }

  @Override
  public Map<String, String> parameters() {
    return Map.of();
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
    throw new UnsupportedOperationException("cache");
  }
}
