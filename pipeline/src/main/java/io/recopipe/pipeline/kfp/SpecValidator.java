package io.recopipe.pipeline.kfp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a KFP {@code PipelineSpec} hangs together before it is submitted: every reference
 * (component, executor, dependent task, producer output, input channel) resolves and a step that
 * must be conditional is triggered by the gate's {@code blessed} output. Vertex reports such
 * mistakes only after upload, one at a time; this lists them all, one line each.
 */
public final class SpecValidator {
  private static final Pattern CHANNEL =
      Pattern.compile("inputs\\.parameter_values\\['([^']+)'\\]");

  private final JsonNode spec;
  private final List<String> problems = new ArrayList<>();

  private SpecValidator(JsonNode spec) {
    this.spec = spec;
  }

  /** The structural problems of {@code spec}, empty when it is sound. */
  public static List<String> problems(JsonNode spec) {
    SpecValidator validator = new SpecValidator(spec);
    validator.component("root", spec.path("root"));
    spec.path("components")
        .properties()
        .forEach(e -> validator.component(e.getKey(), e.getValue()));
    return List.copyOf(validator.problems);
  }

  /**
   * The problems of {@code spec}, plus one when task {@code step} does not run only under a
   * condition testing the {@code blessed} output of task {@code gate}, directly or through the
   * conditions nested in it.
   */
  public static List<String> problems(JsonNode spec, String step, String gate) {
    List<String> all = new ArrayList<>(problems(spec));
    Set<String> holders = new HashSet<>();
    for (Map.Entry<String, JsonNode> dag : dags(spec)) {
      if (dag.getValue().path("dag").path("tasks").has(step)) {
        holders.add(dag.getKey());
      }
    }
    for (boolean grew = true; grew; ) {
      grew = false;
      for (Map.Entry<String, JsonNode> dag : dags(spec)) {
        for (Map.Entry<String, JsonNode> task :
            dag.getValue().path("dag").path("tasks").properties()) {
          if (holders.contains(task.getValue().path("componentRef").path("name").asText())) {
            grew |= holders.add(dag.getKey());
          }
        }
      }
    }
    boolean guarded = false;
    for (Map.Entry<String, JsonNode> dag : dags(spec)) {
      for (Map.Entry<String, JsonNode> task :
          dag.getValue().path("dag").path("tasks").properties()) {
        String ref = task.getValue().path("componentRef").path("name").asText();
        if (holders.contains(ref) && testsBlessed(task.getValue(), gate)) {
          guarded = true;
        }
      }
    }
    if (!guarded) {
      all.add(
          "task "
              + step
              + " is not inside a condition on "
              + gate
              + "'s "
              + Channels.BLESSED
              + " output");
    }
    return all;
  }

  private static boolean testsBlessed(JsonNode task, String gate) {
    Matcher m = CHANNEL.matcher(task.path("triggerPolicy").path("condition").asText());
    while (m.find()) {
      JsonNode source =
          task.path("inputs").path("parameters").path(m.group(1)).path("taskOutputParameter");
      if (source.path("producerTask").asText().equals(gate)
          && source.path("outputParameterKey").asText().equals(Channels.BLESSED)) {
        return true;
      }
    }
    return false;
  }

  private static List<Map.Entry<String, JsonNode>> dags(JsonNode spec) {
    List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
    all.add(Map.entry("root", spec.path("root")));
    all.addAll(spec.path("components").properties());
    return all;
  }

  private void component(String name, JsonNode component) {
    if (component.has("executorLabel")) {
      String label = component.path("executorLabel").asText();
      if (!spec.path("deploymentSpec").path("executors").has(label)) {
        problems.add(name + ": executorLabel " + label + " names no executor");
      }
    }
    JsonNode tasks = component.path("dag").path("tasks");
    tasks
        .properties()
        .forEach(e -> run(new TaskCheck(name, component, tasks, e.getKey(), e.getValue())));
  }

  /** Checks one task of the DAG of component {@code owner}. */
  private record TaskCheck(
      String owner, JsonNode component, JsonNode siblings, String name, JsonNode task) {
    private String where() {
      return owner + " task " + name;
    }
  }

  private void run(TaskCheck t) {
    String ref = t.task().path("componentRef").path("name").asText();
    Optional<JsonNode> target = Optional.ofNullable(spec.path("components").get(ref));
    if (target.isEmpty()) {
      problems.add(t.where() + ": componentRef " + ref + " names no component");
    }
    t.task()
        .path("dependentTasks")
        .forEach(
            d -> {
              if (!t.siblings().has(d.asText())) {
                problems.add(t.where() + ": dependent task " + d.asText() + " is not in the DAG");
              }
            });
    JsonNode inputs = t.task().path("inputs");
    inputs
        .path("artifacts")
        .properties()
        .forEach(
            e ->
                source(
                    t,
                    "artifacts",
                    e.getKey(),
                    e.getValue(),
                    "taskOutputArtifact",
                    "outputArtifactKey",
                    "componentInputArtifact"));
    inputs
        .path("parameters")
        .properties()
        .forEach(
            e ->
                source(
                    t,
                    "parameters",
                    e.getKey(),
                    e.getValue(),
                    "taskOutputParameter",
                    "outputParameterKey",
                    "componentInputParameter"));
    Matcher m = CHANNEL.matcher(t.task().path("triggerPolicy").path("condition").asText());
    while (m.find()) {
      if (!inputs.path("parameters").has(m.group(1))) {
        problems.add(t.where() + ": condition reads " + m.group(1) + ", not an input of the task");
      }
    }
    target.ifPresent(
        c -> {
          for (String kind : List.of("artifacts", "parameters")) {
            inputs
                .path(kind)
                .fieldNames()
                .forEachRemaining(
                    key -> {
                      if (!c.path("inputDefinitions").path(kind).has(key)) {
                        problems.add(t.where() + ": input " + key + " is not declared by " + ref);
                      }
                    });
          }
        });
  }

  private void source(
      TaskCheck t,
      String kind,
      String key,
      JsonNode input,
      String taskOutput,
      String outputKey,
      String componentInput) {
    if (input.has(taskOutput)) {
      String producer = input.path(taskOutput).path("producerTask").asText();
      String output = input.path(taskOutput).path(outputKey).asText();
      JsonNode producerTask = t.siblings().path(producer);
      String producerRef = producerTask.path("componentRef").path("name").asText();
      if (producerTask.isMissingNode()) {
        problems.add(
            t.where()
                + ": input "
                + key
                + " comes from task "
                + producer
                + ", which is not in the DAG");
      } else if (spec.path("components").has(producerRef)
          && !spec.path("components")
              .path(producerRef)
              .path("outputDefinitions")
              .path(kind)
              .has(output)) {
        problems.add(
            t.where()
                + ": input "
                + key
                + " reads "
                + producer
                + "."
                + output
                + ", which "
                + producerRef
                + " does not output");
      }
    } else if (input.has(componentInput)) {
      String channel = input.path(componentInput).asText();
      if (!t.component().path("inputDefinitions").path(kind).has(channel)) {
        problems.add(
            t.where()
                + ": input "
                + key
                + " reads "
                + channel
                + ", which "
                + t.owner()
                + " does not declare");
      }
    }
  }
}
