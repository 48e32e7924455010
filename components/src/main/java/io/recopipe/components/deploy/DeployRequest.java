package io.recopipe.components.deploy;

import io.recopipe.model.error.InvalidInputException;

/**
 * What a {@link DeployTarget} needs to roll out one model version, gathered by the deploy step from
 * the IMAGE and MODEL artifacts and its parameters.
 *
 * @param imageReference the pushed image, {@code HOST/PATH:TAG} or {@code HOST/PATH@sha256:…}
 * @param modelVersion the model version ({@code ModelVersion}, 12 hex digits)
 * @param runId the run that deploys it
 * @param modelName the model name in the predict URL
 * @param canaryPercent the share of traffic the new revision gets first (0 = all at once)
 */
public record DeployRequest(
    String imageReference, String modelVersion, String runId, String modelName, int canaryPercent) {
  /** Checks the canary share. */
  public DeployRequest {
    if (canaryPercent < 0 || canaryPercent > 99) {
      throw new InvalidInputException("canary percent must be in 0..99, was " + canaryPercent);
    }
  }
}
