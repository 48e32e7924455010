package io.recopipe.infra.cloudrun;

/**
 * Decides whether a canary revision may take all the traffic (for instance by calling its tagged
 * URL), so a bad model is stopped while it serves only the canary share.
 */
@FunctionalInterface
public interface CanaryCheck {
  /** Promotes every canary without looking: for when Cloud Run's own readiness is enough. */
  CanaryCheck READY_IS_ENOUGH = (serviceUri, revision, tagUri) -> null;

  /**
   * Checks {@code revision}; returns null when healthy, else a one-line reason.
   *
   * @param serviceUri the service's URL
   * @param revision the canary revision's name
   * @param tagUri the canary's own URL (its traffic tag), or "" when Cloud Run gave none
   */
  String problem(String serviceUri, String revision, String tagUri);
}
