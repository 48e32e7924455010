package io.recopipe.pipeline.cli;

import io.recopipe.infra.config.GcpConfig;
import io.recopipe.infra.config.GcpEnvironment;
import io.recopipe.infra.profile.GcpProfile;
import io.recopipe.pipeline.kfp.KfpOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What compiling for a gcp project adds to a spec: the pipeline root, the gcp section as every
 * container's environment (so each task's {@code recopipe component} uses BigQuery, BigQuery ML,
 * Artifact Registry and Cloud Run) and the profile's parameters ({@code train.engine}).
 */
final class VertexProfile {
  private VertexProfile() {
  }

  static KfpOptions options(KfpOptions base, GcpConfig gcp) {
    return base.withPipelineRoot(gcp.pipelineRoot()).withEnv(GcpEnvironment.of(gcp));
  }

  static Map<String, String> parameters(Map<String, String> values) {
    Map<String, String> parameters = new LinkedHashMap<>(values);
    GcpProfile.PARAMETERS.forEach(parameters::putIfAbsent);
    return parameters;
  }
}
