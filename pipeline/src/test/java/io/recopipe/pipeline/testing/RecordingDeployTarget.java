package io.recopipe.pipeline.testing;

import io.recopipe.components.deploy.DeployRequest;
import io.recopipe.components.deploy.DeployTarget;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A deploy target that records each request and answers as the demo project's Cloud Run service
 * would, for tests of what a promotion deploys rather than how Cloud Run is called.
 */
public final class RecordingDeployTarget implements DeployTarget {
  /** Every deploy request, in order. */
  public final List<DeployRequest> deployed = new CopyOnWriteArrayList<>();

  @Override
  public String describe() {
    return "cloud run projects/recopipe-demo/locations/europe-west1/services/recommender";
  }

  @Override
  public Map<String, Object> deploy(DeployRequest request) {
    deployed.add(request);
    return Map.of("revision", "recommender-" + request.modelVersion());
  }

  @Override
  public Map<String, Object> rollback() {
    throw new UnsupportedOperationException();
  }
}
