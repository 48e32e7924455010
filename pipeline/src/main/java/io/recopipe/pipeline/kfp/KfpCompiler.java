package io.recopipe.pipeline.kfp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.api.Component;
import io.recopipe.components.api.StepContext;
import io.recopipe.pipeline.config.PromotionPolicy;
import io.recopipe.pipeline.config.StepParameterView;
import io.recopipe.pipeline.config.TaskResources;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.dsl.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Compiles a pipeline definition and its run parameters to a KFP v2 {@code PipelineSpec} (schema
 * 2.1.0) for Vertex AI Pipelines, in the shapes KFP's own compiler writes: one container executor
 * per step with the CPU and memory of the config's {@code resources}, artifacts wired task to task,
 * every step parameter a typed root parameter defaulting to the config's value ({@link
 * ParameterTypes}), conditional steps in {@code condition-N} sub-DAGs ({@code dsl.If} on the gate's
 * {@code blessed} output or on a step's {@code enabled} flag), and every step inside one exit
 * handler whose exit task commits the job's staged tables ({@link ExitHandler}). Keys are sorted,
 * so the same input gives the same bytes. For a shared warehouse (the gcp profile), tasks that
 * write tables are not cached.
 *
 * <p>A {@code register} task ({@link RegisterComponent}) ends the blessed branch and registers the
 * job's version; the register and exit tasks get the promotion policy as typed parameters. Under
 * {@code promotion.policy: review} the steps that require approval (deploy), and anything after
 * them, are left out: Vertex has no approval gate, so such a job ends with its version awaiting
 * approval ({@link JobVersions}) and a reviewer's approval deploys it. Under {@code auto} those
 * steps run in a branch nested in the blessed one, while the gate's {@code review_required} output
 * is false; its true branch registers the version for review instead ({@link ConditionGroups}).
 * Deploy only stages the new revision there: the exit task moves the traffic after the publish
 * ({@link JobRelease}).
 */
public final class KfpCompiler {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final KfpOptions options;
  private final ExecutorSpecs executors;

  /** A compiler emitting executors that run {@code options.image()}. */
  public KfpCompiler(KfpOptions options) {
    this.options = options;
    this.executors = new ExecutorSpecs(options);
  }

  /** The spec of {@code pipeline} with {@code parameters} (flat config keys) as defaults. */
  public ObjectNode compile(Pipeline pipeline, Map<String, String> config) {
    Map<String, String> parameters = jobParameters(config);
    List<Step> steps = new ArrayList<>(includedSteps(pipeline, parameters));
    for (Step step : steps) {
      if (step.name().equals(ExitHandler.COMMIT)
          || RegisterComponent.isRegisterTask(step.name())
          || step.name().startsWith("condition-")) {
        throw new IllegalArgumentException(
            "step " + step.name() + ": the name of a task the Vertex compiler adds");
      }
    }
    int pipelineSteps = steps.size();
    Optional<Step> reviewRegister =
        PromotionPolicy.from(parameters).reviewed()
            ? Optional.empty()
            : RegisterComponent.reviewStep(pipeline.name(), steps);
    RegisterComponent.step(pipeline.name(), steps).ifPresent(steps::add);
    ConditionGroups groups = new ConditionGroups(steps, parameters, reviewRegister);
    reviewRegister.filter(r -> groups.groupOf(r.name()).isPresent()).ifPresent(steps::add);
    ObjectNode spec = JSON.objectNode();
    ObjectNode info = spec.putObject("pipelineInfo").put("name", pipeline.name());
    if (pipelineSteps < pipeline.steps().size()) {
      info.put(
          "description",
          "promotion.policy is review: "
              + stepNames(pipeline.steps().stream().filter(s -> !steps.contains(s)).toList())
              + " left out; a reviewer's approval deploys the registered version");
    }
    spec.put("schemaVersion", KfpOptions.SCHEMA_VERSION);
    spec.put("sdkVersion", options.sdkVersion());
    options.pipelineRoot().ifPresent(root -> spec.put("defaultPipelineRoot", root));
    ObjectNode components = spec.putObject("components");
    ObjectNode execs = spec.putObject("deploymentSpec").putObject("executors");
    Map<String, ParameterTypes.Typed> rootParameters = new TreeMap<>();
    for (Step step : steps) {
      ParameterNames.ofStep(step.name(), parameters)
          .values()
          .forEach(
              key ->
                  rootParameters.put(
                      ParameterNames.rootName(key), ParameterTypes.of(key, parameters.get(key))));
    }
    JobVersions.parameters(PromotionPolicy.from(parameters))
        .keySet()
        .forEach(
            key ->
                rootParameters.put(
                    ParameterNames.rootName(key), ParameterTypes.of(key, parameters.get(key))));
    for (Step step : steps) {
      Map<String, String> params = ParameterNames.ofStep(step.name(), parameters);
      boolean runScoped = !enableCache(step, parameters);
      components.set(
          "comp-" + step.name(), executors.component(step, params, rootParameters, runScoped));
      execs.set(
          "exec-" + step.name(),
          executors.executor(step, params, TaskResources.of(step.name(), parameters), runScoped));
    }
    // the exit task also reads who submitted the job: a root parameter no step sees
    List<String> commitParameters = JobVersions.commitKeys();
    Map<String, ParameterTypes.Typed> rootInputs = JobVersions.rootParameters(rootParameters);
    components.set(
        "comp-" + ExitHandler.COMMIT, ExecutorSpecs.commitComponent(commitParameters, rootInputs));
    execs.set(
        "exec-" + ExitHandler.COMMIT,
        executors.commitExecutor(
            TaskResources.of(ExitHandler.COMMIT, parameters), commitParameters));
    ObjectNode root = spec.putObject("root");
    rootInputs.forEach(
        (name, typed) ->
            root.withObjectProperty("inputDefinitions")
                .withObjectProperty("parameters")
                .putObject(name)
                .put("parameterType", typed.type())
                .put("isOptional", true)
                .set("defaultValue", typed.value()));
    ObjectNode rootTasks = root.putObject("dag").putObject("tasks");
    rootTasks.set(
        ExitHandler.HANDLER, ExitHandler.handlerTask(List.copyOf(rootParameters.keySet())));
    rootTasks.set(ExitHandler.COMMIT, ExitHandler.commitTask(commitParameters));
    ObjectNode handler = ExitHandler.handlerComponent(rootParameters);
    ObjectNode handlerTasks = handler.putObject("dag").putObject("tasks");
    Set<String> mainNames = stepNames(groups.rootSteps());
    for (Step step : groups.rootSteps()) {
      handlerTasks.set(
          step.name(),
          TaskSpecs.task(
              step,
              ParameterNames.ofStep(step.name(), parameters),
              mainNames,
              enableCache(step, parameters)));
    }
    for (ConditionGroups.Group group : groups.groups()) {
      handlerTasks.set(
          group.name(),
          conditionDag(
              group, groups.nested(group), mainNames, parameters, rootParameters, components));
    }
    components.set(ExitHandler.componentName(), handler);
    return sorted(spec);
  }

  /**
   * Adds the component of condition {@code group} (its step tasks and the condition tasks of the
   * groups {@code nested} in it, recursively) to {@code components}; returns its task in the DAG
   * whose step tasks are {@code siblings}.
   */
  private ObjectNode conditionDag(
      ConditionGroups.Group group,
      List<ConditionGroups.Group> nested,
      Set<String> siblings,
      Map<String, String> parameters,
      Map<String, ParameterTypes.Typed> rootParameters,
      ObjectNode components) {
    ConditionDag dag = new ConditionDag(group, nested, siblings, parameters, rootParameters);
    ObjectNode component = dag.component();
    ObjectNode tasks = component.putObject("dag").putObject("tasks");
    Set<String> names = stepNames(group.steps());
    for (Step step : group.steps()) {
      tasks.set(
          step.name(),
          TaskSpecs.task(
              step,
              ParameterNames.ofStep(step.name(), parameters),
              names,
              enableCache(step, parameters)));
    }
    for (ConditionGroups.Group inner : nested) {
      tasks.set(
          inner.name(),
          conditionDag(inner, List.of(), names, parameters, rootParameters, components));
    }
    components.set(group.componentName(), component);
    return dag.task();
  }

  /**
   * {@code config} with the {@code promotion} section replaced by the values the job's register and
   * exit tasks read ({@link JobVersions#parameters}), so the policy is read once, typed.
   */
  private static Map<String, String> jobParameters(Map<String, String> config) {
    Map<String, String> parameters = new TreeMap<>(config);
    parameters.keySet().removeIf(key -> key.startsWith("promotion."));
    parameters.putAll(JobVersions.parameters(PromotionPolicy.from(config)));
    return parameters;
  }

  /**
   * The steps compiled: all, or under review (the typed {@link PromotionPolicy} of {@code
   * parameters}, as the runner reads it) all but approval steps and their dependents.
   */
  static List<Step> includedSteps(Pipeline pipeline, Map<String, String> parameters) {
    boolean review = PromotionPolicy.from(parameters).reviewed();
    Set<String> left = new HashSet<>();
    List<Step> kept = new ArrayList<>();
    for (Step step : pipeline.executionOrder()) {
      boolean afterLeft = step.inputs().values().stream().anyMatch(r -> left.contains(r.step()));
      if ((review && step.requiresApproval()) || afterLeft) {
        left.add(step.name());
      } else {
        kept.add(step);
      }
    }
    return kept;
  }

  /**
   * Whether Vertex may reuse an earlier execution of {@code step}: only for a step without effects
   * outside its outputs. With a shared warehouse (the gcp profile) a step that writes tables, a
   * gate (a refusal drops the job's staged tables) and a step reading the registry's champion
   * (which moves between jobs while the inputs stay) are never cached. Only tasks that are not
   * cached take the job name, since it is in every cache key: the others hit the cache whenever
   * their inputs are the same.
   */
  private boolean enableCache(Step step, Map<String, String> parameters) {
    boolean sideEffects =
        writesTables(step)
            || Channels.blessedPort(step.component()).isPresent()
            || step.component().readsChampion();
    return step.cacheable()
        && !StepParameterView.cacheDisabled(step.name(), parameters)
        && !(options.sharedWarehouse() && sideEffects);
  }

  /**
   * Whether {@code step} writes warehouse tables: its component re-creates them after a local cache
   * hit ({@code publish}), which a Vertex AI cache hit never calls.
   */
  static boolean writesTables(Step step) {
    try {
      return step.component().getClass().getMethod("publish", StepContext.class).getDeclaringClass()
          != Component.class;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> stepNames(List<Step> steps) {
    return steps.stream()
        .map(Step::name)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  /** A copy of {@code node} with every object's keys in sorted order. */
  static ObjectNode sorted(ObjectNode node) {
    ObjectNode copy = JSON.objectNode();
    new TreeMap<>(
            node.properties().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
        .forEach((key, value) -> copy.set(key, sortedValue(value)));
    return copy;
  }

  private static JsonNode sortedValue(JsonNode value) {
    if (value.isObject()) {
      return sorted((ObjectNode) value);
    }
    if (value.isArray()) {
      var array = JSON.arrayNode();
      value.forEach(item -> array.add(sortedValue(item)));
      return array;
    }
    return value;
  }
}
