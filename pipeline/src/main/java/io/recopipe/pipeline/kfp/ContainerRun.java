package io.recopipe.pipeline.kfp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recopipe.components.api.Component;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.Port;
import io.recopipe.components.api.Services;
import io.recopipe.components.gate.Gate;
import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.dsl.Step;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Runs one step of a pipeline outside the runner, as the container of a Vertex AI task does: checks
 * the ports it was given against the component's, runs it, and writes the output parameters KFP
 * reads back (the gate's {@code blessed} as {@code true}/{@code false}).
 */
public final class ContainerRun {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Pipeline pipeline;
  private final Supplier<Warehouse> warehouse;
  private final Services services;
  private final Path workDirectory;
  private final PrintStream out;
  private final ChampionSource champions;

  /**
   * Runs steps of {@code pipeline} with {@code warehouse} (opened on first use, closed by the
   * caller), the profile's {@code services}, caches under {@code workDirectory} and the log on
   * {@code out}.
   */
  public ContainerRun(
      Pipeline pipeline,
      Supplier<Warehouse> warehouse,
      Services services,
      Path workDirectory,
      PrintStream out) {
    this(pipeline, warehouse, services, workDirectory, out, ChampionSource.NONE);
  }

  /** As above, with the steps' champion read from {@code champions}. */
  public ContainerRun(
      Pipeline pipeline,
      Supplier<Warehouse> warehouse,
      Services services,
      Path workDirectory,
      PrintStream out,
      ChampionSource champions) {
    this.pipeline = pipeline;
    this.warehouse = warehouse;
    this.services = services;
    this.workDirectory = workDirectory;
    this.out = out;
    this.champions = champions;
  }

  /**
   * Runs step {@code stepName} and returns its metrics; {@code outputParameters} maps an output
   * parameter name to the file KFP reads it from.
   */
  public Map<String, Double> run(
      String stepName,
      String runId,
      Map<String, Path> inputs,
      Map<String, Path> outputs,
      Map<String, String> parameters,
      Map<String, Path> outputParameters)
      throws ComponentException, IOException {
    Step step =
        pipeline
            .step(stepName)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "no step "
                            + stepName
                            + " in pipeline "
                            + pipeline.name()
                            + " (steps: "
                            + pipeline.steps().stream().map(Step::name).toList()
                            + ")"));
    Component component = step.component();
    requirePorts(stepName, "--input", inputs.keySet(), step.inputs().keySet());
    requirePorts(stepName, "--output", outputs.keySet(), names(component.outputs()));
    Set<String> known =
        Channels.blessedPort(component).map(p -> Set.of(Channels.BLESSED)).orElse(Set.of());
    for (String name : outputParameters.keySet()) {
      if (!known.contains(name)) {
        throw new InvalidInputException(
            "step "
                + stepName
                + ": no output parameter "
                + name
                + " (known: "
                + new TreeSet<>(known)
                + ")");
      }
    }
    for (Path dir : outputs.values()) {
      Files.createDirectories(dir);
    }
    Files.createDirectories(workDirectory);
    ContainerStepContext context =
        new ContainerStepContext(
            runId,
            stepName,
            inputs,
            outputs,
            parameters,
            warehouse,
            services,
            workDirectory,
            out,
            () -> champions.champion(pipeline.name(), workDirectory.resolve("champion")));
    component.run(context);
    for (Map.Entry<String, Path> parameter : outputParameters.entrySet()) {
      String port = Channels.blessedPort(component).orElseThrow();
      write(parameter.getValue(), Boolean.toString(Gate.blesses(outputs.get(port))));
    }
    context
        .metrics()
        .forEach((name, value) -> out.println("[" + stepName + "] metric " + name + " = " + value));
    return context.metrics();
  }

  private static void requirePorts(
      String step, String option, Set<String> given, Set<String> expected) {
    if (!given.equals(expected)) {
      throw new InvalidInputException(
          "step "
              + step
              + ": "
              + option
              + " ports "
              + new TreeSet<>(given)
              + " do not match the step's "
              + new TreeSet<>(expected));
    }
  }

  private static Set<String> names(java.util.List<Port> ports) {
    Set<String> names = new TreeSet<>();
    ports.forEach(p -> names.add(p.name()));
    return names;
  }

  private static void write(Path file, String text) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
