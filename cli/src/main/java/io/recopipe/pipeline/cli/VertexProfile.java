package io.recopipe.pipeline.cli;

import io.recopipe.infra.bigquery.BqmlCompatibility;
import io.recopipe.infra.config.GcpConfig;
import io.recopipe.infra.config.GcpEnvironment;
import io.recopipe.infra.profile.GcpProfile;
import io.recopipe.pipeline.config.ConfigException;
import io.recopipe.pipeline.config.ConfigValidator;
import io.recopipe.pipeline.config.PipelineConfig;
import io.recopipe.pipeline.kfp.KfpOptions;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import java.nio.file.Path;
import java.util.ArrayList;
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
    Map<String, String> parameters = withProfileDefaults(config.values());
    List<String> problems = BqmlCompatibility.problems(parameters);
    if (!problems.isEmpty()) {
      throw new ConfigException(config.source() + ", gcp profile", problems);
    }
    return parameters;
  }

  /**
   * The shipped config with {@code file} layered over it and {@code overrides} on top, checked as a
   * Vertex job needs it: the config's own problems and, under the gcp profile, every option its
   * engines cannot run, reported together in one {@link ConfigException} (exit 2), so one attempt
   * shows everything to fix.
   *
   * @param gcpRequired whether the gcp profile applies whatever the config says (submit); else it
   *     applies when the config has a gcp section (compile)
   */
  static PipelineConfig load(Path file, Map<String, String> overrides, boolean gcpRequired) {
    PipelineConfig layered = PipelineConfig.layered(file, overrides);
    boolean gcp = gcpRequired || CompileCommand.hasGcpKeys(layered);
    List<String> problems =
        new ArrayList<>(
            new ConfigValidator(MovieLensMfPipeline.definition()).problems(layered.values(), gcp));
    boolean engineProblems = false;
    if (gcp) {
      for (String problem : BqmlCompatibility.problems(withProfileDefaults(layered.values()))) {
        if (!problems.contains(problem)) {
          problems.add(problem);
          engineProblems = true;
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(
          layered.source() + (engineProblems ? ", gcp profile" : ""), problems);
    }
    return layered;
  }

  /** {@code values} with the profile's parameters and defaults (values the user set are kept). */
  private static Map<String, String> withProfileDefaults(Map<String, String> values) {
    Map<String, String> shipped = PipelineConfig.defaults().values();
    Map<String, String> parameters = new LinkedHashMap<>(values);
    GcpProfile.PARAMETERS.forEach(parameters::putIfAbsent);
    GcpProfile.DEFAULTS.forEach(
        (key, value) -> {
          if (Objects.equals(parameters.get(key), shipped.get(key))) {
            parameters.put(key, value);
          }
        });
    return parameters;
  }
}
