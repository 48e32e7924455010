package io.recopipe.pipeline.runner;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.StepContext;
import io.recopipe.components.api.StepLog;
import io.recopipe.components.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The local runner's {@link StepContext}: inputs are committed artifact directories, outputs are
 * fresh staging directories (or, while publishing a reused execution, the reused artifacts),
 * metrics are collected for the metadata store.
 */
final class LocalStepContext implements StepContext {
  private final RunSession session;
  private final String step;
  private final Map<String, Path> inputs;
  private final Map<String, Path> outputs;
  private final Map<String, String> parameters;
  private final StepLog log;
  private final Map<String, Double> metrics = new TreeMap<>();

  LocalStepContext(
      RunSession session,
      String step,
      Map<String, Path> inputs,
      Map<String, Path> outputs,
      Map<String, String> parameters,
      StepLog log) {
    this.session = session;
    this.step = step;
    this.inputs = Map.copyOf(inputs);
    this.outputs = Map.copyOf(outputs);
    this.parameters = Map.copyOf(parameters);
    this.log = log;
  }

  @Override
  public String runId() {
    return session.runId;
  }

  @Override
  public String stepName() {
    return step;
  }

  @Override
  public Path input(String port) throws ComponentException {
    Path dir = inputs.get(port);
    if (dir == null) {
      throw new ComponentException("step " + step + ": input " + port + " is not connected");
    }
    return dir;
  }

  @Override
  public boolean hasInput(String port) {
    return inputs.containsKey(port);
  }

  @Override
  public Path output(String port) throws ComponentException {
    Path dir = outputs.get(port);
    if (dir == null) {
      throw new ComponentException(
          "step "
              + step
              + ": no output port "
              + port
              + " (outputs: "
              + new TreeMap<>(outputs).keySet()
              + ")");
    }
    return dir;
  }

  @Override
  public Map<String, String> parameters() {
    return parameters;
  }

  @Override
  public Warehouse warehouse() {
    return session.warehouse.staged(session.stagingKey);
  }

  @Override
  public StepLog log() {
    return log;
  }

  @Override
  public synchronized void metric(String name, double value) {
    metrics.put(name, value);
  }

  @Override
  public Optional<java.time.Instant> runStartedAt() {
    return Optional.of(session.startedAt);
  }

  @Override
  public Optional<Path> championModel() {
    return session.championModel();
  }

  @Override
  public Path cacheDirectory() {
    return session.home.cache();
  }

  synchronized Map<String, Double> metrics() {
    return new TreeMap<>(metrics);
  }

  @Override
  public <T> Optional<T> service(Class<T> type) {
    return session.services.get(type);
  }
}
