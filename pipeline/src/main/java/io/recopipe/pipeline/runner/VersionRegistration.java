package io.recopipe.pipeline.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recopipe.components.api.ArtifactType;
import io.recopipe.pipeline.artifacts.StoredArtifact;
import io.recopipe.pipeline.registry.ModelVersion;
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
 * Registers the model a run exported as the next version of its pipeline, once per run (a cache
 * hit or a resume registers nothing new), with everything a reviewer needs to judge it: bundle
 * hash, data fingerprint, options, metrics and the gate's decision; the packaged image is added
 * once the package step has run.
 */
final class VersionRegistration {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RunSession session;

  VersionRegistration(RunSession session) {
    this.session = session;
  }

  /**
   * Registers the MODEL output of {@code export} unless run already has a version; {@code earlier}
   * are the run's step results so far (metrics and gate decision are taken from them).
   */
  Optional<ModelVersion> register(StepResult export, List<StepResult> earlier)
      throws IOException {
    Optional<ModelVersion> existing = session.registry.forRun(session.runId);
    if (existing.isPresent()) {
      return existing;
    }
    Optional<StoredArtifact> model = ofType(export, ArtifactType.MODEL);
    if (model.isEmpty()) {
      return Optional.empty();
    }
    Path bundle = session.directoryOf(model.get());
    Path manifestFile = bundle.resolve(io.recopipe.components.packaging.ModelVersion.MANIFEST);
    if (!Files.isRegularFile(manifestFile)) {
      session.progress(export.step(), "not registered: " + model.get().uri()
          + " is not a model bundle (no manifest.json)");
      return Optional.empty();
    }
    JsonNode manifest = JSON.readTree(manifestFile.toFile());
    Map<String, Double> metrics = new TreeMap<>();
    String gate = null;
    boolean blessed = true;
    for (StepResult step : earlier) {
      if (ofType(step, ArtifactType.METRICS).isPresent()) {
        metrics.putAll(session.executions.metrics(step.executionId()));
      }
      Optional<StoredArtifact> decision = ofType(step, ArtifactType.GATE_DECISION);
      if (decision.isPresent()) {
        gate = GateDecisions.text(session.directoryOf(decision.get()));
        blessed = GateDecisions.isBlessed(session.directoryOf(decision.get()));
      }
    }
    ModelVersion draft = new ModelVersion(session.pipeline.name(), 0, session.runId,
        io.recopipe.components.packaging.ModelVersion.of(bundle), model.get().uri(),
        model.get().sha256(), Optional.empty(), manifest.path("data_fingerprint").asText(""),
        options(manifest.path("options")), metrics, gate, blessed, VersionStatus.REGISTERED,
        session.options.clock().instant());
    ModelVersion registered = session.registry.register(draft, session.startedBy);
    session.progress(export.step(), "registered " + registered.pipeline() + " v"
        + registered.version() + " (model " + registered.modelVersion() + ")");
    return Optional.of(registered);
  }

  /** Records {@code step}'s IMAGE output on the run's version, once (the package step's). */
  void recordImage(StepResult step) {
    Optional<StoredArtifact> image = ofType(step, ArtifactType.IMAGE);
    if (image.isEmpty()) {
      return;
    }
    session.registry.forRun(session.runId).filter(v -> v.imageUri().isEmpty())
        .ifPresent(v -> session.registry.setImage(v.pipeline(), v.version(), image.get().uri()));
  }

  private static Map<String, String> options(JsonNode options) {
    Map<String, String> flat = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
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
