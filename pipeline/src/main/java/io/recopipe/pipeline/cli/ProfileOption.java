package io.recopipe.pipeline.cli;

import io.recopipe.infra.config.GcpConfig;
import io.recopipe.infra.profile.GcpProfile;
import io.recopipe.infra.profile.GoogleCredentialsCheck;
import io.recopipe.pipeline.config.PipelineConfig;
import io.recopipe.pipeline.runner.LocalRunner;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --profile local|gcp} option: which engines a run uses. {@code local} is the embedded
 * profile; {@code gcp} checks the config's {@code gcp} section and the Google credentials first
 * (every problem in one line, before any call), then runs the same pipeline against BigQuery,
 * BigQuery ML, Artifact Registry and Cloud Run.
 */
final class ProfileOption {
  /** Where the gcp profile looks for credentials; tests replace it. */
  static GoogleCredentialsCheck credentials = GoogleCredentialsCheck.APPLICATION_DEFAULT;

  @Option(names = "--profile", paramLabel = "NAME", defaultValue = "local",
      description = "local (embedded, the default) or gcp (Google Cloud; needs a gcp: section).")
  String name;

  /** A runner for this profile with the run's parameters (the profile may add some). */
  record Opened(LocalRunner runner, Map<String, String> parameters, AutoCloseable profile)
      implements AutoCloseable {
    @Override
    public void close() throws Exception {
      try (AutoCloseable p = profile) {
        runner.close();
      }
    }
  }

  /** Whether this is the gcp profile; refuses unknown names. */
  boolean isGcp() {
    return switch (name) {
      case "local" -> false;
      case "gcp" -> true;
      default -> throw new IllegalArgumentException("--profile " + name
          + ": expected local or gcp");
    };
  }

  /** Opens the runner for {@code config} in {@code home}. */
  Opened open(HomeOption home, PipelineConfig config) {
    if (!isGcp()) {
      return new Opened(home.runner(), config.values(), () -> { });
    }
    GcpConfig gcp = GcpConfig.from(config.values(), config.source());
    GcpProfile profile = GcpProfile.open(gcp, credentials);
    Map<String, String> parameters = new LinkedHashMap<>(config.values());
    GcpProfile.PARAMETERS.forEach(parameters::putIfAbsent);
    LocalRunner runner = new LocalRunner(home.resolve(), profile.warehouses(),
        profile.services());
    return new Opened(runner, parameters, profile);
  }
}
