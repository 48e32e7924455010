package io.recopipe.pipeline.kfp;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.Services;
import io.recopipe.components.deploy.DeployRequest;
import io.recopipe.components.deploy.DeployTarget;
import io.recopipe.infra.cloudrun.CloudRunDeployTarget;
import io.recopipe.model.error.OperationFailedException;
import io.recopipe.pipeline.registry.RegisteredVersion;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a Vertex job's traffic switch for its very end, so a job that fails anywhere leaves the old
 * model serving: in the job's deploy task the Cloud Run target only stages the new revision (ready,
 * checked, no traffic: {@link CloudRunDeployTarget#stage}), and the exit task, once the job's
 * tables are published, moves the traffic to it ({@link CloudRunDeployTarget#release}) just before
 * the registry makes the version champion. A profile without Cloud Run (the local one) deploys as
 * the local runner does.
 */
final class JobRelease {
  private final Optional<CloudRunDeployTarget> target;

  private JobRelease(Optional<CloudRunDeployTarget> target) {
    this.target = target;
  }

  /** The release of the Cloud Run target in {@code services}, if it has one. */
  static JobRelease of(Services services) {
    return new JobRelease(
        services
            .get(DeployTarget.class)
            .filter(CloudRunDeployTarget.class::isInstance)
            .map(CloudRunDeployTarget.class::cast));
  }

  /**
   * {@code services} as the deploy task sees them: a Cloud Run target stages instead of deploying;
   * anything else is unchanged.
   */
  static Services staging(Services services) {
    Optional<CloudRunDeployTarget> cloudRun = of(services).target;
    if (cloudRun.isEmpty()) {
      return services;
    }
    CloudRunDeployTarget target = cloudRun.get();
    return services.with(
        DeployTarget.class,
        new DeployTarget() {
          @Override
          public String describe() {
            return target.describe() + " (no traffic until the job commits)";
          }

          @Override
          public Map<String, Object> deploy(DeployRequest request) throws ComponentException {
            return target.stage(request);
          }

          @Override
          public Map<String, Object> rollback() throws ComponentException {
            return target.rollback();
          }
        });
  }

  /**
   * Moves all traffic to the revision the job staged for {@code v}; returns whether one serves it
   * now (false: the job staged none, e.g. {@code deploy.enabled=false}, or there is no Cloud Run).
   *
   * @throws OperationFailedException when Cloud Run refuses the move (traffic stays where it was)
   */
  boolean release(RegisteredVersion v) {
    if (target.isEmpty() || v.imageUri().isEmpty()) {
      return false;
    }
    try {
      return target.get().release(v.modelVersion(), v.imageUri().get()).isPresent();
    } catch (ComponentException e) {
      throw new OperationFailedException(e.getMessage(), e);
    }
  }
}
