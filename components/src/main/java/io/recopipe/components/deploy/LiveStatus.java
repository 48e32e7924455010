package io.recopipe.components.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.io.JsonFields;
import java.io.IOException;
import java.util.Optional;

/**
 * What a serving revision's process says about itself right now (alive, and the model version it
 * actually serves, from {@code /admin/status}), so listings show the truth even after a crash or an
 * out-of-band swap rather than what the registry last wrote.
 *
 * @param up whether the process lives and answers
 * @param servedVersion the model version it serves, or empty when it is down or did not say
 */
public record LiveStatus(boolean up, Optional<String> servedVersion) {
  /** A revision that is not running. */
  public static final LiveStatus DOWN = new LiveStatus(false, Optional.empty());

  /** Probes {@code revision} of {@code registry} (only a SERVING revision can be up). */
  public static LiveStatus of(EndpointRegistry registry, Revision revision) {
    if (revision.status() != RevisionStatus.SERVING || !revision.alive()) {
      return DOWN;
    }
    String secret =
        AdminSecret.read(EndpointRegistry.revisionDir(registry.serviceDir(), revision.revision()));
    try {
      ServingClient.Response response =
          new ServingClient("", secret).get(revision.adminPort(), "/admin/status");
      if (response.ok()) {
        ObjectNode json = response.json();
        String served = JsonFields.string(json, "model_version", "");
        return new LiveStatus(true, served.isEmpty() ? Optional.empty() : Optional.of(served));
      }
      return new LiveStatus(true, Optional.empty());
    } catch (IOException | RuntimeException e) {
      return DOWN;
    }
  }

  /** Whether it serves a model version other than {@code registered}. */
  public boolean drifted(String registered) {
    return up && servedVersion.isPresent() && !servedVersion.get().equals(registered);
  }

  /** The one-word state for listings: serving or down. */
  public String word() {
    return up ? "serving" : "down";
  }
}
