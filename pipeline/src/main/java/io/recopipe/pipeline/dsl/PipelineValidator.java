package io.recopipe.pipeline.dsl;

import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.api.Port;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a set of steps for everything that can be wrong before running (names, wiring, types,
 * required inputs, conditions), collecting every problem rather than stopping at the first. Cycles
 * are found by {@link TopologicalOrder}.
 */
final class PipelineValidator {
  /** Step names become directory names and parameter prefixes, so no dots or slashes. */
  static final Pattern STEP_NAME = Pattern.compile("[A-Za-z0-9_-]+");

  /** The output port the runner reserves for each execution's log. */
  static final String LOG_PORT = "log";

  private final List<Step> steps;
  private final Map<String, Step> byName = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  PipelineValidator(List<Step> steps) {
    this.steps = steps;
  }

  List<String> problems() {
    if (steps.isEmpty()) {
      problems.add("the pipeline has no steps");
    }
    for (Step step : steps) {
      checkName(step);
    }
    for (Step step : steps) {
      if (step.component() != null) {
        checkPorts(step);
        checkInputs(step);
        step.condition().ifPresent(c -> checkCondition(step, c));
      }
    }
    return problems;
  }

  private void checkName(Step step) {
    if (step.name() == null || !STEP_NAME.matcher(step.name()).matches()) {
      problems.add("step name '" + step.name() + "' must match " + STEP_NAME.pattern());
    } else if (byName.putIfAbsent(step.name(), step) != null) {
      problems.add("step name " + step.name() + " is used twice");
    }
    if (step.component() == null) {
      problems.add("step " + step.name() + " has no component");
    }
  }

  private void checkPorts(Step step) {
    Set<String> seen = new HashSet<>();
    for (Port out : step.component().outputs()) {
      if (out.name().equals(LOG_PORT)) {
        problems.add(
            "step "
                + step.name()
                + ": output port name '"
                + LOG_PORT
                + "' is reserved for the step log");
      }
      if (!seen.add(out.name())) {
        problems.add("step " + step.name() + ": output " + out.name() + " is declared twice");
      }
    }
  }

  private void checkInputs(Step step) {
    Map<String, Port> declared = new LinkedHashMap<>();
    step.component().inputs().forEach(p -> declared.put(p.name(), p));
    step.inputs()
        .forEach(
            (port, source) -> {
              Port input = declared.get(port);
              if (input == null) {
                problems.add(
                    "step "
                        + step.name()
                        + ": component "
                        + step.component().name()
                        + " has no input "
                        + port
                        + " (inputs: "
                        + declared.keySet()
                        + ")");
                return;
              }
              outputPort(step, "input " + port, source)
                  .ifPresent(
                      out -> {
                        if (out.type() != input.type()) {
                          problems.add(
                              "step "
                                  + step.name()
                                  + ": input "
                                  + port
                                  + " expects "
                                  + input.type()
                                  + " but "
                                  + source
                                  + " is "
                                  + out.type());
                        }
                      });
            });
    for (Port input : declared.values()) {
      if (!input.optional() && !step.inputs().containsKey(input.name())) {
        problems.add(
            "step "
                + step.name()
                + ": required input "
                + input.name()
                + " ("
                + input.type()
                + ") is not connected");
      }
    }
  }

  private void checkCondition(Step step, Condition condition) {
    outputPort(step, "condition", condition.source())
        .ifPresent(
            out -> {
              if (out.type() != ArtifactType.GATE_DECISION) {
                problems.add(
                    "step "
                        + step.name()
                        + ": condition "
                        + condition
                        + " needs a "
                        + ArtifactType.GATE_DECISION
                        + " output but "
                        + condition.source()
                        + " is "
                        + out.type());
              }
            });
  }

  private Optional<Port> outputPort(Step step, String what, OutputRef source) {
    Step producer = byName.get(source.step());
    if (producer == null) {
      problems.add(
          "step " + step.name() + ": " + what + " comes from unknown step '" + source.step() + "'");
      return Optional.empty();
    }
    if (producer.component() == null) {
      return Optional.empty();
    }
    Optional<Port> out =
        producer.component().outputs().stream()
            .filter(p -> p.name().equals(source.port()))
            .findFirst();
    if (out.isEmpty()) {
      problems.add(
          "step "
              + step.name()
              + ": "
              + what
              + " comes from unknown output "
              + source
              + " (outputs of "
              + producer.name()
              + ": "
              + producer.component().outputs().stream().map(Port::name).toList()
              + ")");
    }
    return out;
  }
}
