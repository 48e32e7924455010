package io.recopipe.pipeline.kfp;

import io.recopipe.pipeline.dsl.Condition;
import io.recopipe.pipeline.dsl.OutputRef;
import io.recopipe.pipeline.dsl.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Splits a pipeline into its main DAG and one {@code condition-N} sub-DAG per distinct condition,
 * as KFP compiles {@code dsl.If}. A step belongs to a condition's group when it carries the
 * condition or reads an output of a step in the group: the local runner skips such steps when the
 * condition is false, and KFP forbids reading a conditional task's output outside its branch.
 *
 * <p>Besides the gate's {@code blessed}, a step outside those groups with a boolean {@code
 * STEP.enabled} parameter runs under {@code dsl.If(STEP__enabled == True)}, so Vertex does not
 * start a container that would only note it is switched off (the local runner runs it, and the
 * component does nothing). Blessed groups are numbered first, then flag groups, each in execution
 * order.
 *
 * <p>Under {@code promotion: auto}, given the job's second register task ({@link
 * RegisterComponent#REVIEW_TASK}), the blessed group is split once more on the gate's {@code
 * review_required} output, as nested {@code dsl.If}s compile (kubeflow/pipelines
 * test_data/sdk_compiled_pipelines/valid/essential/pipeline_with_nested_conditions.yaml): the
 * approval steps (deploy), what reads them and the {@code register} task run under {@code
 * review_required == false}, and the second register task alone under {@code == true}, so a job
 * whose gate asks for a reviewer registers its version without deploying it. Those two groups are
 * numbered after all others.
 */
final class ConditionGroups {
  /** The step parameter that switches a step on. */
  static final String ENABLED = "enabled";

  /**
   * One sub-DAG: its name ({@code condition-1}), what triggers it (a gate's blessed output, or the
   * config key of a boolean flag, or with {@code reviewRequired} the gate's {@code review_required}
   * output equal to that value) and its steps in execution order.
   */
  record Group(
      String name,
      Optional<Condition> condition,
      Optional<String> flag,
      List<Step> steps,
      Optional<Boolean> reviewRequired) {
    Group(String name, Optional<Condition> condition, Optional<String> flag, List<Step> steps) {
      this(name, condition, flag, steps, Optional.empty());
    }

    /** The group's DAG component name. */
    String componentName() {
      return "comp-" + name;
    }
  }

  /** What a group is triggered by, before groups are numbered. */
  private record Trigger(Optional<Condition> condition, Optional<String> flag) {
    String describe() {
      return condition.map(Condition::toString).orElseGet(() -> flag.orElseThrow());
    }
  }

  private final List<Step> rootSteps = new ArrayList<>();
  private final Map<Trigger, List<Step>> triggered = new LinkedHashMap<>();
  private final Map<String, Trigger> triggerOfStep = new LinkedHashMap<>();
  private final List<Group> groups = new ArrayList<>();
  private final Map<String, Group> groupOfStep = new LinkedHashMap<>();
  private final Map<String, List<Group>> nested = new LinkedHashMap<>();

  /** Groups {@code steps}, given in execution order, under the run's {@code parameters}. */
  ConditionGroups(List<Step> steps, Map<String, String> parameters) {
    this(steps, parameters, Optional.empty());
  }

  /**
   * Groups as above and, given the job's second register task {@code reviewRegister} (policy auto),
   * splits the blessed group holding approval steps on the gate's {@code review_required}.
   */
  ConditionGroups(List<Step> steps, Map<String, String> parameters, Optional<Step> reviewRegister) {
    for (Step step : steps) {
      Optional<Trigger> trigger = effectiveTrigger(step, parameters);
      if (trigger.isEmpty()) {
        rootSteps.add(step);
        continue;
      }
      triggered.computeIfAbsent(trigger.get(), t -> new ArrayList<>()).add(step);
      triggerOfStep.put(step.name(), trigger.get());
    }
    List<Trigger> order = new ArrayList<>();
    triggered.keySet().stream().filter(t -> t.condition().isPresent()).forEach(order::add);
    triggered.keySet().stream().filter(t -> t.condition().isEmpty()).forEach(order::add);
    for (Trigger trigger : order) {
      Group group =
          new Group(
              "condition-" + (groups.size() + 1),
              trigger.condition(),
              trigger.flag(),
              triggered.get(trigger));
      groups.add(group);
      group.steps().forEach(step -> groupOfStep.put(step.name(), group));
    }
    reviewRegister.ifPresent(this::splitOnReview);
  }

  /** Splits the blessed group of the approval steps into its review branches (see above). */
  private void splitOnReview(Step reviewRegister) {
    for (int i = 0; i < groups.size(); i++) {
      Group group = groups.get(i);
      if (group.condition().isEmpty()) {
        continue;
      }
      Set<String> branch = new LinkedHashSet<>();
      for (Step step : group.steps()) {
        if (step.requiresApproval()
            || step.inputs().values().stream().anyMatch(r -> branch.contains(r.step()))
            || step.name().equals(RegisterComponent.NAME) && !branch.isEmpty()) {
          branch.add(step.name());
        }
      }
      if (branch.isEmpty()) {
        continue;
      }
      List<Step> kept = group.steps().stream().filter(s -> !branch.contains(s.name())).toList();
      List<Step> deploying = group.steps().stream().filter(s -> branch.contains(s.name())).toList();
      Group outer = new Group(group.name(), group.condition(), group.flag(), kept);
      int next = groups.size() + 1;
      Group noReview =
          new Group(
              "condition-" + next,
              group.condition(),
              Optional.empty(),
              deploying,
              Optional.of(false));
      Group review =
          new Group(
              "condition-" + (next + 1),
              group.condition(),
              Optional.empty(),
              List.of(reviewRegister),
              Optional.of(true));
      groups.set(i, outer);
      kept.forEach(step -> groupOfStep.put(step.name(), outer));
      deploying.forEach(step -> groupOfStep.put(step.name(), noReview));
      groupOfStep.put(reviewRegister.name(), review);
      nested.put(outer.name(), List.of(noReview, review));
      return;
    }
  }

  /**
   * The trigger of {@code step}: its own condition or the one group it reads outputs of, else its
   * boolean {@code enabled} flag; empty for a step of the main DAG.
   */
  private Optional<Trigger> effectiveTrigger(Step step, Map<String, String> parameters) {
    Set<Trigger> found = new LinkedHashSet<>();
    step.condition().ifPresent(c -> found.add(new Trigger(Optional.of(c), Optional.empty())));
    for (OutputRef input : step.inputs().values()) {
      Trigger upstream = triggerOfStep.get(input.step());
      if (upstream != null) {
        found.add(upstream);
      }
    }
    if (found.size() > 1) {
      throw new IllegalArgumentException(
          "step "
              + step.name()
              + ": conditions "
              + found.stream().map(Trigger::describe).toList()
              + " would nest; the Vertex compiler supports one condition per branch");
    }
    if (!found.isEmpty()) {
      return Optional.of(found.iterator().next());
    }
    String flag = step.name() + "." + ENABLED;
    if (parameters.containsKey(flag)
        && ParameterTypes.BOOLEAN.equals(ParameterTypes.of(flag, parameters.get(flag)).type())) {
      return Optional.of(new Trigger(Optional.empty(), Optional.of(flag)));
    }
    return Optional.empty();
  }

  /** The steps outside any condition, in execution order. */
  List<Step> rootSteps() {
    return rootSteps;
  }

  /** The condition groups: the gate's in order of first appearance, then the flags'. */
  List<Group> groups() {
    return List.copyOf(groups);
  }

  /** The groups nested in top-level group {@code group} (its review branches), in order. */
  List<Group> nested(Group group) {
    return nested.getOrDefault(group.name(), List.of());
  }

  /** The group of step {@code stepName}, empty for a root step. */
  Optional<Group> groupOf(String stepName) {
    return Optional.ofNullable(groupOfStep.get(stepName));
  }
}
