package io.recopipe.components.packaging;

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

/** A step context for the package step: one model input, outputs and cache under a temp dir. */
final class PackagingContext implements StepContext {
  final Map<String, String> parameters = new LinkedHashMap<>();
  final Map<String, Double> metrics = new LinkedHashMap<>();
  final List<String> log = new ArrayList<>();
  private final Path root;
  private final Path model;
  private final String runId;

  PackagingContext(Path root, Path model, String runId) {
    this.root = root;
    this.model = model;
    this.runId = runId;
  }

  PackagingContext set(String key, String value) {
    parameters.put(key, value);
    return this;
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public String stepName() {
    return "package";
  }

  @Override
  public Path input(String port) throws ComponentException {
    if (!port.equals("model")) {
      throw new ComponentException("no input " + port);
    }
    return model;
  }

  @Override
  public boolean hasInput(String port) {
    return port.equals("model");
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
    throw new UnsupportedOperationException("package uses no warehouse");
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
