package io.recopipe.components.deploy;

import io.recopipe.components.api.ComponentException;
import java.util.Map;
import java.util.Optional;

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

  /**
   * The first half of a deploy for a caller that moves traffic last: makes {@code request}'s image
   * ready to serve without sending it any traffic, where the target can (a Cloud Run revision); a
   * target that cannot deploys at once.
   */
  default Map<String, Object> stage(DeployRequest request) throws ComponentException {
    return deploy(request);
  }

  /**
   * The second half: sends all traffic to what {@link #stage} made ready for {@code modelVersion}'s
   * {@code image}; empty when nothing staged waits for traffic (a target that deployed at once).
   */
  default Optional<Map<String, Object>> release(String modelVersion, String image)
      throws ComponentException {
    return Optional.empty();
  }

  /** Sends all traffic back to the revision that served before the last deploy. */
  Map<String, Object> rollback() throws ComponentException;
}
