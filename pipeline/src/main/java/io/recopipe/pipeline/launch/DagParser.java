package io.recopipe.pipeline.launch;

import io.recopipe.pipeline.launch.Spec.ArtifactSource;
import io.recopipe.pipeline.launch.Spec.Component;
import io.recopipe.pipeline.launch.Spec.ComponentArtifact;
import io.recopipe.pipeline.launch.Spec.ComponentInput;
import io.recopipe.pipeline.launch.Spec.Constant;
import io.recopipe.pipeline.launch.Spec.Dag;
import io.recopipe.pipeline.launch.Spec.FinalStatus;
import io.recopipe.pipeline.launch.Spec.ParameterSource;
import io.recopipe.pipeline.launch.Spec.Retry;
import io.recopipe.pipeline.launch.Spec.Selector;
import io.recopipe.pipeline.launch.Spec.Task;
import io.recopipe.pipeline.launch.Spec.TaskArtifact;
import io.recopipe.pipeline.launch.Spec.TaskOutput;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one {@code DagSpec}: its tasks (each input wired to the DAG's inputs, a sibling's output or
 * a constant; conditions, caching and retries) in an order that runs every task after the tasks it
 * depends on, and the DAG's output selectors.
 */
final class DagParser {
  private final SpecParser specs;
  private final Component owner;
  private final Map<String, Component> taskComponents = new LinkedHashMap<>();

  DagParser(SpecParser specs, Component owner) {
    this.specs = specs;
    this.owner = owner;
  }

  Dag dag(SpecNode node) {
    Map<String, SpecNode> taskNodes = node.get("tasks").requiredEntries();
    taskNodes.forEach(
        (name, task) ->
            taskComponents.put(
                name, specs.referenced(task.get("componentRef").require().get("name"))));
    Map<String, Task> tasks = new LinkedHashMap<>();
    taskNodes.forEach((name, task) -> tasks.put(name, task(name, task)));
    Map<String, List<Selector>> parameters = new LinkedHashMap<>();
    node.get("outputs")
        .get("parameters")
        .entries()
        .forEach((name, out) -> parameters.put(name, parameterSelectors(out)));
    Map<String, List<Selector>> artifacts = new LinkedHashMap<>();
    node.get("outputs")
        .get("artifacts")
        .entries()
        .forEach(
            (name, out) -> {
              List<Selector> selectors = new ArrayList<>();
              SpecNode list = out.get("artifactSelectors").require();
              for (int i = 0; i < list.json().size(); i++) {
                SpecNode s =
                    new SpecNode(list.json().get(i), list.path() + "[" + i + "]", list.file());
                selectors.add(output(s, "producerSubtask", s.get("outputArtifactKey"), true));
              }
              artifacts.put(name, selectors);
            });
    return new Dag(ordered(tasks, node), parameters, artifacts);
  }

  private List<Selector> parameterSelectors(SpecNode out) {
    if (out.get("valueFromParameter").present()) {
      SpecNode s = out.get("valueFromParameter");
      return List.of(output(s, "producerSubtask", s.get("outputParameterKey"), false));
    }
    SpecNode list = out.get("valueFromOneof").get("parameterSelectors").require();
    List<Selector> selectors = new ArrayList<>();
    for (int i = 0; i < list.json().size(); i++) {
      SpecNode s = new SpecNode(list.json().get(i), list.path() + "[" + i + "]", list.file());
      selectors.add(output(s, "producerSubtask", s.get("outputParameterKey"), false));
    }
    return selectors;
  }

  private Task task(String name, SpecNode node) {
    for (String unsupported : List.of("parameterIterator", "artifactIterator", "iteratorPolicy")) {
      if (node.get(unsupported).present()) {
        throw node.get(unsupported).problem("loops (dsl.ParallelFor) are not supported");
      }
    }
    Component component = taskComponents.get(name);
    Map<String, ParameterSource> parameters = new LinkedHashMap<>();
    node.get("inputs")
        .get("parameters")
        .entries()
        .forEach(
            (input, spec) -> {
              if (!component.inputParameters().containsKey(input)) {
                throw spec.problem("the component has no input parameter " + input);
              }
              parameters.put(input, parameterSource(spec));
            });
    Map<String, ArtifactSource> artifacts = new LinkedHashMap<>();
    node.get("inputs")
        .get("artifacts")
        .entries()
        .forEach(
            (input, spec) -> {
              if (!component.inputArtifacts().containsKey(input)) {
                throw spec.problem("the component has no input artifact " + input);
              }
              artifacts.put(input, artifactSource(spec));
            });
    List<String> dependencies = node.get("dependentTasks").strings();
    for (int i = 0; i < dependencies.size(); i++) {
      if (!taskComponents.containsKey(dependencies.get(i))) {
        throw node.get("dependentTasks")
            .problem("[" + i + "]: no task " + dependencies.get(i) + " in this DAG");
      }
    }
    SpecNode trigger = node.get("triggerPolicy");
    Optional<TriggerCondition> condition = Optional.empty();
    if (trigger.get("condition").present() && !trigger.get("condition").text().isEmpty()) {
      try {
        condition = Optional.of(TriggerCondition.parse(trigger.get("condition").text()));
      } catch (IllegalArgumentException e) {
        throw trigger.get("condition").problem(e.getMessage());
      }
    }
    String strategy = trigger.get("strategy").optionalText().orElse("TRIGGER_STRATEGY_UNSPECIFIED");
    if (!Set.of(
            "TRIGGER_STRATEGY_UNSPECIFIED",
            "ALL_UPSTREAM_TASKS_SUCCEEDED",
            "ALL_UPSTREAM_TASKS_COMPLETED")
        .contains(strategy)) {
      throw trigger.get("strategy").problem("unknown strategy " + strategy);
    }
    return new Task(
        name,
        node.path(),
        node.get("componentRef").get("name").text(),
        dependencies,
        parameters,
        artifacts,
        condition,
        strategy.equals("ALL_UPSTREAM_TASKS_COMPLETED"),
        node.get("cachingOptions").get("enableCache").bool(false),
        retry(node.get("retryPolicy")));
  }

  private ParameterSource parameterSource(SpecNode spec) {
    if (spec.get("parameterExpressionSelector").present()) {
      throw spec.get("parameterExpressionSelector")
          .problem("expression selectors are not supported");
    }
    if (spec.get("componentInputParameter").present()) {
      String name = spec.get("componentInputParameter").text();
      if (!owner.inputParameters().containsKey(name)) {
        throw spec.get("componentInputParameter")
            .problem("the enclosing DAG has no input parameter " + name);
      }
      return new ComponentInput(name);
    }
    if (spec.get("taskOutputParameter").present()) {
      Selector s =
          output(
              spec.get("taskOutputParameter"),
              "producerTask",
              spec.get("taskOutputParameter").get("outputParameterKey"),
              false);
      return new TaskOutput(s.producerSubtask(), s.key());
    }
    if (spec.get("runtimeValue").present()) {
      SpecNode value = spec.get("runtimeValue").get("constant");
      if (!value.present()) {
        value = spec.get("runtimeValue").get("constantValue").get("stringValue");
      }
      return new Constant(Values.canonical(value.require().json()));
    }
    if (spec.get("taskFinalStatus").present()) {
      SpecNode producer = spec.get("taskFinalStatus").get("producerTask");
      if (!taskComponents.containsKey(producer.text())) {
        throw producer.problem("no task " + producer.text() + " in this DAG");
      }
      return new FinalStatus(producer.text());
    }
    throw spec.problem(
        "expected one of componentInputParameter, taskOutputParameter, "
            + "runtimeValue, taskFinalStatus");
  }

  private ArtifactSource artifactSource(SpecNode spec) {
    if (spec.get("componentInputArtifact").present()) {
      String name = spec.get("componentInputArtifact").text();
      if (!owner.inputArtifacts().containsKey(name)) {
        throw spec.get("componentInputArtifact")
            .problem("the enclosing DAG has no input artifact " + name);
      }
      return new ComponentArtifact(name);
    }
    if (spec.get("taskOutputArtifact").present()) {
      SpecNode out = spec.get("taskOutputArtifact");
      Selector s = output(out, "producerTask", out.get("outputArtifactKey"), true);
      return new TaskArtifact(s.producerSubtask(), s.key());
    }
    throw spec.problem("expected componentInputArtifact or taskOutputArtifact");
  }

  /** A reference to output {@code keyNode} of the sibling named by {@code producerField}. */
  private Selector output(SpecNode node, String producerField, SpecNode keyNode, boolean artifact) {
    SpecNode producerNode = node.get(producerField);
    String producer = producerNode.text();
    Component component = taskComponents.get(producer);
    if (component == null) {
      throw producerNode.problem("no task " + producer + " in this DAG");
    }
    String key = keyNode.text();
    boolean known =
        artifact
            ? component.outputArtifacts().containsKey(key)
            : component.outputParameters().containsKey(key);
    if (!known) {
      throw keyNode.problem(
          "task " + producer + " has no output " + (artifact ? "artifact " : "parameter ") + key);
    }
    return new Selector(producer, key);
  }

  private static Optional<Retry> retry(SpecNode node) {
    if (!node.present()) {
      return Optional.empty();
    }
    double count = node.get("maxRetryCount").number(0);
    if (count < 0 || count != Math.rint(count)) {
      throw node.get("maxRetryCount").problem("expected a whole number of retries");
    }
    return Optional.of(
        new Retry(
            (int) count,
            duration(node.get("backoffDuration"), Duration.ZERO),
            node.get("backoffFactor").number(2.0),
            duration(node.get("backoffMaxDuration"), Duration.ofHours(1))));
  }

  /** A protobuf JSON {@code Duration} ({@code "3600s"}, {@code "0.5s"}). */
  private static Duration duration(SpecNode node, Duration fallback) {
    if (!node.present()) {
      return fallback;
    }
    String text = node.text();
    if (!text.matches("-?\\d+(\\.\\d{1,9})?s")) {
      throw node.problem("expected a duration like 30s, found " + text);
    }
    BigDecimal seconds = new BigDecimal(text.substring(0, text.length() - 1));
    return Duration.ofNanos(seconds.movePointRight(9).longValueExact());
  }

  /** The tasks in dependency order (spec order among independent ones); refuses a cycle. */
  private static List<Task> ordered(Map<String, Task> tasks, SpecNode node) {
    Map<String, Set<String>> upstream = new LinkedHashMap<>();
    tasks.forEach((name, task) -> upstream.put(name, upstream(task)));
    List<Task> order = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    while (order.size() < tasks.size()) {
      Task next =
          tasks.values().stream()
              .filter(t -> !done.contains(t.name()) && done.containsAll(upstream.get(t.name())))
              .findFirst()
              .orElseThrow(
                  () ->
                      node.get("tasks")
                          .problem(
                              "tasks depend on each other in a cycle: "
                                  + tasks.keySet().stream()
                                      .filter(n -> !done.contains(n))
                                      .toList()));
      order.add(next);
      done.add(next.name());
    }
    return order;
  }

  /** Every sibling {@code task} waits for: dependentTasks and the producers of its inputs. */
  static Set<String> upstream(Task task) {
    Set<String> names = new LinkedHashSet<>(task.dependentTasks());
    task.parameters()
        .values()
        .forEach(
            source -> {
              if (source instanceof TaskOutput out) {
                names.add(out.producerTask());
              } else if (source instanceof FinalStatus status) {
                names.add(status.producerTask());
              }
            });
    task.artifacts()
        .values()
        .forEach(
            source -> {
              if (source instanceof TaskArtifact out) {
                names.add(out.producerTask());
              }
            });
    return names;
  }
}
