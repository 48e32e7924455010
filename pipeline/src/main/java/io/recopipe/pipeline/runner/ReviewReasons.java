package io.recopipe.pipeline.runner;

import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.api.Port;
import io.recopipe.components.deploy.EndpointRegistry;
import io.recopipe.components.gate.Gate;
import io.recopipe.components.packaging.PackageSettings;
import io.recopipe.pipeline.dsl.OutputRef;
import io.recopipe.pipeline.dsl.Step;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Why a run must wait for a reviewer whatever its promotion policy: the reasons its gate decisions
 * list in {@code review_required} (a changed response contract, data not comparable with the
 * champion's) and a change of the model name the endpoint serves under, which only the runner sees
 * (it is deploy's parameter, not the model's).
 */
final class ReviewReasons {
  /** The deploy step's model name parameter. */
  static final String MODEL_NAME = "deploy.model_name";

  /** The deploy step's switch. */
  static final String ENABLED = "deploy.enabled";

  private ReviewReasons() {}

  /** Every reason of {@code session}'s run so far; empty when nothing forces review. */
  static List<String> of(RunSession session) {
    List<String> reasons = new ArrayList<>();
    for (Step step : session.pipeline.steps()) {
      for (Port port : step.component().outputs()) {
        if (port.type() == ArtifactType.GATE_DECISION) {
          session
              .output(new OutputRef(step.name(), port.name()))
              .ifPresent(
                  decision -> reasons.addAll(Gate.reviewRequired(session.directoryOf(decision))));
        }
      }
    }
    servedNameChange(session).ifPresent(reasons::add);
    return reasons;
  }

  /**
   * The change of the served model name, when this run would deploy under another name than the
   * local endpoint serves now (clients' URLs name the model).
   */
  private static Optional<String> servedNameChange(RunSession session) {
    if ("false".equalsIgnoreCase(session.parameters.getOrDefault(ENABLED, "true").trim())) {
      return Optional.empty();
    }
    String served;
    try {
      served = EndpointRegistry.load(session.home.serving()).modelName();
    } catch (IOException e) {
      return Optional.empty();
    }
    String name =
        session.parameters.getOrDefault(MODEL_NAME, PackageSettings.DEFAULT_MODEL_NAME).trim();
    return served.isEmpty() || served.equals(name)
        ? Optional.empty()
        : Optional.of("response contract changed: model name " + served + " → " + name);
  }
}
