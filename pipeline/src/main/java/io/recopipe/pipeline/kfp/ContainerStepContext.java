package io.recopipe.pipeline.kfp;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.Services;
import io.recopipe.components.api.StepContext;
import io.recopipe.components.api.StepLog;
import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.model.error.OperationFailedException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The {@link StepContext} of a step running alone in a pipeline container: inputs and outputs are
 * the paths KFP handed over, the log goes to stdout (which Vertex keeps), the champion comes from
 * the profile's registry (fetched once per task) and caches live in a scratch directory that ends
 * with the container.
 */
final class ContainerStepContext implements StepContext {
  private final String runId;
  private final String step;
  private final Map<String, Path> inputs;
  private final Map<String, Path> outputs;
  private final Map<String, String> parameters;
  private final Supplier<Warehouse> warehouse;
  private final Services services;
  private final Path workDirectory;
  private final PrintStream out;
  private final Map<String, Double> metrics = new TreeMap<>();
  private final Champion champion;
  private Optional<Path> championModel;

  /** Fetches the champion bundle (see {@link ChampionSource}). */
  @FunctionalInterface
  interface Champion {
    Optional<Path> fetch() throws IOException;
  }

  ContainerStepContext(
      String runId,
      String step,
      Map<String, Path> inputs,
      Map<String, Path> outputs,
      Map<String, String> parameters,
      Supplier<Warehouse> warehouse,
      Services services,
      Path workDirectory,
      PrintStream out,
      Champion champion) {
    this.runId = runId;
    this.step = step;
    this.inputs = Map.copyOf(inputs);
    this.outputs = Map.copyOf(outputs);
    this.parameters = Map.copyOf(parameters);
    this.warehouse = warehouse;
    this.services = services;
    this.workDirectory = workDirectory;
    this.out = out;
    this.champion = champion;
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public String stepName() {
    return step;
  }

  @Override
  public Path input(String port) throws ComponentException {
    Path path = inputs.get(port);
    if (path == null) {
      throw new ComponentException(
          "step " + step + ": input " + port + " was not passed " + "(--input " + port + "=PATH)");
    }
    return path;
  }

  @Override
  public boolean hasInput(String port) {
    return inputs.containsKey(port);
  }

  @Override
  public Path output(String port) throws ComponentException {
    Path path = outputs.get(port);
    if (path == null) {
      throw new ComponentException(
          "step "
              + step
              + ": output "
              + port
              + " was not passed "
              + "(--output "
              + port
              + "=PATH)");
    }
    return path;
  }

  @Override
  public Map<String, String> parameters() {
    return parameters;
  }

  @Override
  public Warehouse warehouse() {
    return warehouse.get();
  }

  @Override
  public StepLog log() {
    return new StepLog() {
      @Override
      public void info(String line) {
        out.println("[" + step + "] " + line);
      }

      @Override
      public void progress(String line) {
        info(line);
      }
    };
  }

  @Override
  public synchronized void metric(String name, double value) {
    metrics.put(name, value);
  }

  synchronized Map<String, Double> metrics() {
    return new TreeMap<>(metrics);
  }

  /**
   * The champion bundle of the pipeline, fetched on first use; a registry or download failure fails
   * the step rather than skipping the comparison with the champion.
   */
  @Override
  public synchronized Optional<Path> championModel() {
    if (championModel == null) {
      try {
        championModel = champion.fetch();
      } catch (IOException e) {
        throw new OperationFailedException(
            "step " + step + ": cannot fetch the champion model: " + e.getMessage(), e);
      }
      championModel.ifPresent(dir -> out.println("[" + step + "] champion model " + dir));
    }
    return championModel;
  }

  @Override
  public Path cacheDirectory() {
    return workDirectory.resolve("cache");
  }

  @Override
  public <T> Optional<T> service(Class<T> type) {
    return services.get(type);
  }
}
