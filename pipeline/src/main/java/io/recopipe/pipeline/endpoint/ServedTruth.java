package io.recopipe.pipeline.endpoint;

import io.recopipe.components.deploy.EndpointRegistry;
import io.recopipe.components.deploy.LiveStatus;
import io.recopipe.components.deploy.Revision;
import java.util.Optional;

/**
 * What the local endpoint really does right now, next to what its registry says: the serving
 * revision, whether its process is up, and the model version it actually serves, so listings never
 * call a dead process serving nor hide a model swapped in behind the registry's back.
 *
 * @param revision the revision the registry says serves, or empty
 * @param live what its process says about itself
 */
public record ServedTruth(Optional<Revision> revision, LiveStatus live) {

  /** Probes the serving revision of {@code registry}. */
  public static ServedTruth of(EndpointRegistry registry) {
    Optional<Revision> serving = registry.serving();
    return new ServedTruth(
        serving, serving.map(r -> LiveStatus.of(registry, r)).orElse(LiveStatus.DOWN));
  }

  /** The model version the live process serves (empty when nothing is up). */
  public Optional<String> servedVersion() {
    if (!live.up()) {
      return Optional.empty();
    }
    return live.servedVersion().or(() -> revision.map(Revision::modelVersion));
  }

  /** The model version the registry says serves, or empty. */
  public Optional<String> registeredVersion() {
    return revision.map(Revision::modelVersion);
  }

  /** Whether the live process serves another model version than the registry says. */
  public boolean drifted() {
    return revision.isPresent() && live.drifted(revision.get().modelVersion());
  }

  /** {@code DRIFT: serving X, registry says Y}, or empty when the two agree. */
  public Optional<String> driftLine() {
    if (!drifted()) {
      return Optional.empty();
    }
    return Optional.of(
        "DRIFT: serving "
            + servedVersion().orElse("?")
            + ", registry says "
            + registeredVersion().orElse("?")
            + " (revision "
            + revision.get().revision()
            + "; the swap is in the audit log)");
  }
}
