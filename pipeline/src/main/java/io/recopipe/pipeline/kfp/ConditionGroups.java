package io.recopipe.pipeline.kfp;

import io.recopipe.pipeline.dsl.Condition;
import io.recopipe.pipeline.dsl.OutputRef;
import io.recopipe.pipeline.dsl.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Splits a pipeline into the root DAG and one {@code condition-N} sub-DAG per distinct condition,
 * as KFP compiles {@code dsl.If}. A step belongs to a condition's group when it carries the
 * condition or reads an output of a step in the group: the local runner skips such steps when the
 * condition is false, and KFP forbids reading a conditional task's output outside its branch.
 */
final class ConditionGroups {
  /** One sub-DAG: its name ({@code condition-1}), condition and steps in execution order. */
  record Group(String name, Condition condition, List<Step> steps) {
    /** The group's DAG component name. */
    String componentName() {
      return "comp-" + name;
    }
  }

  private final List<Step> rootSteps = new ArrayList<>();
  private final Map<Condition, Group> groups = new LinkedHashMap<>();
  private final Map<String, Group> groupOfStep = new LinkedHashMap<>();

  /** Groups {@code steps}, given in execution order. */
  ConditionGroups(List<Step> steps) {
    for (Step step : steps) {
      Optional<Condition> condition = effectiveCondition(step);
      if (condition.isEmpty()) {
        rootSteps.add(step);
        continue;
      }
      Group group =
          groups.computeIfAbsent(
              condition.get(),
              c -> new Group("condition-" + (groups.size() + 1), c, new ArrayList<>()));
      group.steps().add(step);
      groupOfStep.put(step.name(), group);
    }
  }

  private Optional<Condition> effectiveCondition(Step step) {
    Optional<Condition> found = step.condition();
    for (OutputRef input : step.inputs().values()) {
      Group upstream = groupOfStep.get(input.step());
      if (upstream == null) {
        continue;
      }
      if (found.isPresent() && !found.get().equals(upstream.condition())) {
        throw new IllegalArgumentException(
            "step "
                + step.name()
                + ": conditions "
                + found.get()
                + " and "
                + upstream.condition()
                + " would nest; the Vertex compiler "
                + "supports one condition per branch");
      }
      found = Optional.of(upstream.condition());
    }
    return found;
  }

  /** The steps outside any condition, in execution order. */
  List<Step> rootSteps() {
    return rootSteps;
  }

  /** The condition groups in order of first appearance. */
  List<Group> groups() {
    return List.copyOf(groups.values());
  }

  /** The group of step {@code stepName}, empty for a root step. */
  Optional<Group> groupOf(String stepName) {
    return Optional.ofNullable(groupOfStep.get(stepName));
  }
}
