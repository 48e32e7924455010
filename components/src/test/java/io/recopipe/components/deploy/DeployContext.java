package io.recopipe.components.deploy;

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

/** A step context for deploy tests: inputs, parameters and a home whose service dir is shared. */
final class DeployContext implements StepContext {
  final Map<String, Path> inputs = new HashMap<>();
  final Map<String, String> parameters = new LinkedHashMap<>();
  final List<String> log = new ArrayList<>();
  private final Path home;
  private final Path outputs;
  private final String runId;

  DeployContext(Path home, Path outputs, String runId) {
    this.home = home;
    this.outputs = outputs;
    this.runId = runId;
  }

  DeployContext input(String port, Path dir) {
    inputs.put(port, dir);
    return this;
  }

  DeployContext set(String key, String value) {
    parameters.put(key, value);
    return this;
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public String stepName() {
    return "deploy";
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
    throw new UnsupportedOperationException("deploy uses no warehouse");
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
  }

  @Override
  public Optional<Path> championModel() {
    return Optional.empty();
  }

  @Override
  public Path cacheDirectory() {
    return home.resolve("cache");
  }
}
