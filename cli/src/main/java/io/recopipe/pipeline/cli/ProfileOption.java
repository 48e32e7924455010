package io.recopipe.pipeline.cli;

import io.recopipe.infra.config.GcpConfig;
import io.recopipe.infra.profile.GoogleCredentialsCheck;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.pipeline.config.PipelineConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --profile local|gcp} option of {@code run}: {@code gcp} checks the config's {@code
 * gcp} section and the Google credentials first (every problem in one line, before any call or any
 * recorded run), then marks the run so its steps use BigQuery, BigQuery ML, GCS, Artifact Registry
 * and Cloud Run for life (see {@link CliProfiles}).
 */
final class ProfileOption {
  /** Where the gcp profile looks for credentials; tests replace it. */
  static GoogleCredentialsCheck credentials = GoogleCredentialsCheck.APPLICATION_DEFAULT;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      defaultValue = "local",
      description = "local (embedded, the default) or gcp (Google Cloud; needs a gcp: section).")
  String name;

  /** Whether this is the gcp profile; refuses unknown names. */
  boolean isGcp() {
    return switch (name) {
      case "local" -> false;
      case "gcp" -> true;
      default -> throw new InvalidInputException("--profile " + name + ": expected local or gcp");
    };
  }

  /**
   * The run's parameters under this profile, checked (gcp: config, the options its engines can run,
   * and credentials).
   */
  Map<String, String> parameters(PipelineConfig config) {
    Map<String, String> parameters = new LinkedHashMap<>(config.values());
    if (!isGcp()) {
      parameters.remove(CliProfiles.GCP_ENABLED);
      return parameters;
    }
    GcpConfig.from(config.values(), config.source());
    parameters = new LinkedHashMap<>(VertexProfile.parameters(config));
    credentials.require();
    parameters.put(CliProfiles.GCP_ENABLED, "true");
    return parameters;
  }
}
