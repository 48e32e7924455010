package io.recopipe.pipeline.kfp;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.components.api.Component;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.Port;
import io.recopipe.components.api.Services;
import io.recopipe.components.deploy.DeployComponent;
import io.recopipe.components.gate.Gate;
import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.pipeline.config.PromotionPolicy;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.dsl.Step;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Runs one step of a pipeline outside the runner, as the container of a Vertex AI task does: checks
 * the ports it was given against the component's, reads the parameters KFP's launcher rendered back
 * as config text ({@link ParameterTypes#configText}), runs the step with its warehouse writes
 * staged under the job's key, and writes what KFP reads back: output parameters (the gate's {@code
 * blessed} and {@code review_required} as {@code true}/{@code false}) and, given the executor
 * input, an executor output whose {@code system.Metrics} artifact carries the step's metrics as
 * metadata. A deploy step to Cloud Run only stages its revision ({@link JobRelease}); traffic moves
 * in the exit task, after the job's tables are published. A gate that does not bless drops the
 * staged tables and records that it did not bless, as the local runner discards a gated run; the
 * exit task ({@link #commit}) publishes what is left only when the job succeeded and no gate
 * refused it, and drops it otherwise.
 */
public final class ContainerRun {

  /** The final status of an exit handler whose tasks all succeeded (or were not triggered). */
  static final String SUCCEEDED = "SUCCEEDED";

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
    return run(stepName, runId, inputs, outputs, parameters, outputParameters, Optional.empty());
  }

  /**
   * Runs step {@code stepName} as {@link #run(String, String, Map, Map, Map, Map)} does and, given
   * KFP's {@code executorInput}, writes the executor output file it names.
   */
  public Map<String, Double> run(
      String stepName,
      String runId,
      Map<String, Path> inputs,
      Map<String, Path> outputs,
      Map<String, String> parameters,
      Map<String, Path> outputParameters,
      Optional<JsonNode> executorInput)
      throws ComponentException, IOException {
    Step step =
        step(stepName, inputs.keySet())
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
        Channels.blessedPort(component)
            .map(p -> Set.of(Channels.BLESSED, Channels.REVIEW_REQUIRED))
            .orElse(Set.of());
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
    Map<String, String> configText = new TreeMap<>();
    parameters.forEach(
        (name, value) -> configText.put(name, ParameterTypes.configText(stepName, name, value)));
    StagedWarehouse staged = new StagedWarehouse(warehouse, runId);
    ContainerStepContext context =
        new ContainerStepContext(
            runId,
            stepName,
            inputs,
            outputs,
            configText,
            staged,
            component instanceof DeployComponent ? JobRelease.staging(services) : services,
            workDirectory,
            out,
            () -> champions.champion(pipeline.name(), workDirectory.resolve("champion")));
    component.run(context);
    Optional<String> decision = Channels.blessedPort(component);
    if (decision.isPresent()) {
      Path decided = outputs.get(decision.get());
      boolean blessed = Gate.blesses(decided);
      Map<String, Boolean> values =
          Map.of(
              Channels.BLESSED,
              blessed,
              Channels.REVIEW_REQUIRED,
              !Gate.reviewRequired(decided).isEmpty());
      for (Map.Entry<String, Path> file : outputParameters.entrySet()) {
        write(file.getValue(), Boolean.toString(values.get(file.getKey())));
      }
      if (!blessed) {
        staged.markNotBlessed();
        staged.discard();
        out.println("[" + stepName + "] not blessed: the job's staged tables are dropped");
      }
    }
    context
        .metrics()
        .forEach((name, value) -> out.println("[" + stepName + "] metric " + name + " = " + value));
    if (executorInput.isPresent()) {
      ExecutorOutput.write(executorInput.get(), component, context.metrics());
    }
    return context.metrics();
  }

  /**
   * The exit task: publishes the staged tables of job {@code runId} in one transaction when the
   * exit handler's final status in {@code executorInput} is {@code SUCCEEDED}, and drops them
   * otherwise; returns the tables published.
   */
  public List<String> commit(String runId, JsonNode executorInput) {
    return commit(runId, executorInput, Map.of());
  }

  /**
   * The exit task as {@link #commit(String, JsonNode)}, and with the profile's {@link JobRegistry}
   * also the job's model version: under the {@code promotion.*} {@code parameters}' policy {@code
   * review} a SUCCEEDED job's version awaits approval, requested by the {@value
   * JobVersions#SUBMITTED_BY} parameter, and a failed job's unpromoted version is marked REJECTED
   * ({@link JobVersions}).
   */
  public List<String> commit(String runId, JsonNode executorInput, Map<String, String> parameters) {
    PromotionPolicy policy = PromotionPolicy.from(parameters);
    Optional<JobVersions> versions =
        services.get(JobRegistry.class).map(j -> new JobVersions(pipeline.name(), j, out));
    String state =
        executorInput
            .path("inputs")
            .path("parameterValues")
            .path(ExitHandler.STATUS)
            .path("state")
            .asText("");
    StagedWarehouse staged = new StagedWarehouse(warehouse, runId);
    if (SUCCEEDED.equals(state) && staged.notBlessed()) {
      staged.discardAll();
      out.println(
          "[commit] the gate did not bless the model: the job's staged tables are dropped,"
              + " nothing is published");
      return List.of();
    }
    if (SUCCEEDED.equals(state)) {
      List<String> tables;
      try {
        tables = staged.publish();
      } catch (RuntimeException e) {
        out.println(
            "[commit] publishing the job's tables failed, nothing is published and no traffic"
                + " moved: "
                + e.getMessage());
        try {
          staged.discardAll();
        } finally {
          versions.ifPresent(v -> v.failed(runId, "with its tables unpublished"));
        }
        throw e;
      }
      out.println(
          "[commit] published "
              + (tables.isEmpty() ? "no staged tables" : "tables " + String.join(", ", tables)));
      String submittedBy = parameters.getOrDefault(JobVersions.SUBMITTED_BY, "");
      // the last action: traffic moves only now, after every call that can fail
      versions.ifPresent(v -> v.succeeded(runId, policy, submittedBy, JobRelease.of(services)));
      return tables;
    }
    staged.discardAll();
    String ended = state.isEmpty() ? "without a final status" : state;
    out.println(
        "[commit] the job ended "
            + ended
            + ": its staged tables are dropped, nothing is published");
    versions.ifPresent(v -> v.failed(runId, ended));
    return List.of();
  }

  /**
   * Step {@code name} of the pipeline, or the {@value RegisterComponent#NAME} task the compiler
   * adds, reading the endpoint only when it was given one (the job deploys: policy auto).
   */
  private Optional<Step> step(String name, Set<String> inputs) {
    if (!RegisterComponent.NAME.equals(name)) {
      return pipeline.step(name);
    }
    List<Step> steps =
        pipeline.executionOrder().stream()
            .filter(s -> inputs.contains("endpoint") || !s.requiresApproval())
            .toList();
    return RegisterComponent.step(pipeline.name(), steps);
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
