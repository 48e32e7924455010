package io.recopipe.pipeline.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.gate.Gate;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonInputException;
import io.recopipe.pipeline.artifacts.StoredArtifact;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.registry.VersionStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Drafts the version a run registers at its commit point (see {@link RunCommit}) from the model it
 * exported, with everything a reviewer needs to judge it: content version, bundle hash, data
 * fingerprint, options, metrics and the gate's decision; the packaged image is added once the
 * package step has run. Nothing is written to the registry here, so a run that fails later
 * registers nothing.
 */
final class VersionRegistration {

  private final RunSession session;

  VersionRegistration(RunSession session) {
    this.session = session;
  }

  /**
   * Drafts the MODEL output of {@code export} as the run's version; {@code earlier} are the run's
   * step results so far (metrics and gate decision are taken from them).
   */
  Optional<RegisteredVersion> draft(StepResult export, List<StepResult> earlier)
      throws IOException {
    Optional<StoredArtifact> model = ofType(export, ArtifactType.MODEL);
    if (model.isEmpty()) {
      return Optional.empty();
    }
    Path bundle = session.directoryOf(model.get());
    Path manifestFile = bundle.resolve(io.recopipe.components.packaging.ModelVersion.MANIFEST);
    if (!Files.isRegularFile(manifestFile)) {
      session.progress(
          export.step(),
          "not registered: " + model.get().uri() + " is not a model bundle (no manifest.json)");
      return Optional.empty();
    }
    JsonNode manifest;
    try {
      manifest = Json.parse(Files.readAllBytes(manifestFile));
    } catch (JsonInputException e) {
      throw new IOException(manifestFile + ": " + e.getMessage(), e);
    }
    Map<String, Double> metrics = new TreeMap<>();
    String gate = null;
    boolean blessed = true;
    for (StepResult step : earlier) {
      if (ofType(step, ArtifactType.METRICS).isPresent()) {
        metrics.putAll(session.executions.metrics(step.executionId()));
      }
      Optional<StoredArtifact> decision = ofType(step, ArtifactType.GATE_DECISION);
      if (decision.isPresent()) {
        gate = Gate.recorded(session.directoryOf(decision.get())).orElse(null);
        blessed = Gate.blesses(session.directoryOf(decision.get()));
      }
    }
    RegisteredVersion draft =
        new RegisteredVersion(
            session.pipeline.name(),
            0,
            session.runId,
            io.recopipe.components.packaging.ModelVersion.of(bundle),
            model.get().uri(),
            model.get().sha256(),
            Optional.empty(),
            manifest.path("data_fingerprint").asText(""),
            options(manifest.path("options")),
            metrics,
            gate,
            blessed,
            VersionStatus.REGISTERED,
            session.options.clock().instant());
    session.commit.draft(draft);
    session.progress(
        export.step(), "model " + draft.modelVersion() + " is registered when the run commits");
    return Optional.of(draft);
  }

  /** Records {@code step}'s IMAGE output on the run's draft (the package step's). */
  void recordImage(StepResult step) {
    Optional<StoredArtifact> image = ofType(step, ArtifactType.IMAGE);
    if (image.isEmpty()) {
      return;
    }
    session.commit.image(image.get().uri());
  }

  private static Map<String, String> options(JsonNode options) {
    Map<String, String> flat = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> option = it.next();
      JsonNode value = option.getValue();
      flat.put(option.getKey(), value.isValueNode() ? value.asText() : value.toString());
    }
    return flat;
  }

  private static Optional<StoredArtifact> ofType(StepResult step, ArtifactType type) {
    return step.outputs().values().stream().filter(a -> a.type() == type).findFirst();
  }
}
