package io.recopipe.components.deploy;

import io.recopipe.components.api.ComponentException;
import java.util.Map;

/**
 * Where the deploy step sends a pushed image when the profile installs one (Cloud Run in the {@code
 * gcp} profile), so the step keeps one contract while local serving processes stay the default.
 */
public interface DeployTarget {
  /** A short description for logs, e.g. {@code cloud run projects/p/locations/r/services/s}. */
  String describe();

  /**
   * Rolls {@code request}'s image out as a new revision (canary first when asked) and returns the
   * endpoint description for {@code endpoint.json}; a failed canary ends in {@link
   * io.recopipe.components.api.RolledBackException} with traffic back on the old revision.
   */
  Map<String, Object> deploy(DeployRequest request) throws ComponentException;

  /** Sends all traffic back to the revision that served before the last deploy. */
  Map<String, Object> rollback() throws ComponentException;
}
