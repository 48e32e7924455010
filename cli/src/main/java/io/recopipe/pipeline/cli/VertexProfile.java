package io.recopipe.pipeline.cli;

import io.recopipe.infra.bigquery.BqmlCompatibility;
import io.recopipe.infra.config.GcpConfig;
import io.recopipe.infra.config.GcpEnvironment;
import io.recopipe.infra.profile.GcpProfile;
import io.recopipe.pipeline.config.ConfigException;
import io.recopipe.pipeline.config.PipelineConfig;
import io.recopipe.pipeline.kfp.KfpOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What compiling for a gcp project adds to a spec: the pipeline root, the gcp section as every
 * container's environment (so each task's {@code recopipe component} uses BigQuery, BigQuery ML,
 * Artifact Registry and Cloud Run), no cache for tasks writing its BigQuery tables, and the
 * profile's parameters ({@code train.engine}), checked against what its engines can run.
 */
final class VertexProfile {
  private VertexProfile() {}

  static KfpOptions options(KfpOptions base, GcpConfig gcp) {
    return base.withPipelineRoot(gcp.pipelineRoot())
        .withEnv(GcpEnvironment.of(gcp))
        .withSharedWarehouse();
  }

  /**
   * {@code config}'s values with the profile's parameters added and its defaults in place of the
   * shipped config's (values the user set are kept).
   *
   * @throws ConfigException listing every option the profile's engines cannot run, one each
   */
  static Map<String, String> parameters(PipelineConfig config) {
    Map<String, String> shipped = PipelineConfig.defaults().values();
    Map<String, String> parameters = new LinkedHashMap<>(config.values());
    GcpProfile.PARAMETERS.forEach(parameters::putIfAbsent);
    GcpProfile.DEFAULTS.forEach(
        (key, value) -> {
          if (Objects.equals(parameters.get(key), shipped.get(key))) {
            parameters.put(key, value);
          }
        });
    List<String> problems = BqmlCompatibility.problems(parameters);
    if (!problems.isEmpty()) {
      throw new ConfigException(config.source() + ", gcp profile", problems);
    }
    return parameters;
  }
}
