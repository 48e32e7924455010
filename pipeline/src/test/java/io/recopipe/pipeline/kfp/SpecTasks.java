package io.recopipe.pipeline.kfp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/** Finds tasks in a compiled spec whatever DAG (root, exit handler, condition) holds them. */
final class SpecTasks {
  private SpecTasks() {}

  /** Every task of every DAG, by name (the compiler's task names are unique). */
  static Map<String, JsonNode> all(JsonNode spec) {
    Map<String, JsonNode> tasks = new TreeMap<>();
    spec.path("root")
        .path("dag")
        .path("tasks")
        .properties()
        .forEach(e -> tasks.put(e.getKey(), e.getValue()));
    spec.path("components")
        .properties()
        .forEach(
            c ->
                c.getValue()
                    .path("dag")
                    .path("tasks")
                    .properties()
                    .forEach(e -> tasks.put(e.getKey(), e.getValue())));
    return tasks;
  }

  /**
   * The tasks that run a pipeline step (not the exit task or the register task the compiler adds,
   * not a sub-DAG), by name.
   */
  static Map<String, JsonNode> steps(JsonNode spec) {
    Map<String, JsonNode> steps = new TreeMap<>();
    all(spec)
        .forEach(
            (name, task) -> {
              String ref = task.path("componentRef").path("name").asText();
              if (spec.path("components").path(ref).has("executorLabel")
                  && !name.equals(ExitHandler.COMMIT)
                  && !RegisterComponent.isRegisterTask(name)) {
                steps.put(name, task);
              }
            });
    return steps;
  }

  /**
   * The step tasks (as {@link #steps}) in the DAG of {@code component} and in the conditions nested
   * in it, by name.
   */
  static java.util.Set<String> stepsUnder(JsonNode spec, String component) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    dag(spec, component)
        .properties()
        .forEach(
            e -> {
              String ref = e.getValue().path("componentRef").path("name").asText();
              if (spec.path("components").path(ref).has("dag")) {
                names.addAll(stepsUnder(spec, ref));
              } else if (steps(spec).containsKey(e.getKey())) {
                names.add(e.getKey());
              }
            });
    return names;
  }

  /** Task {@code name}, editable. */
  static ObjectNode task(JsonNode spec, String name) {
    return (ObjectNode) all(spec).get(name);
  }

  /** The tasks of the DAG of component {@code component} ({@code root} for the root DAG). */
  static JsonNode dag(JsonNode spec, String component) {
    JsonNode owner =
        component.equals("root") ? spec.path("root") : spec.path("components").path(component);
    return owner.path("dag").path("tasks");
  }
}
