package io.recopipe.infra.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The gcp section as container environment variables ({@code RECOPIPE_PROFILE=gcp}, {@code
 * RECOPIPE_GCP_PROJECT=…}), so a Vertex AI task running {@code recopipe component} uses the same
 * BigQuery dataset, bucket and Cloud Run service as the run that compiled it.
 */
public final class GcpEnvironment {
  /** The variable that turns the gcp profile on inside a container. */
  public static final String PROFILE = "RECOPIPE_PROFILE";

  private static final String PREFIX = "RECOPIPE_GCP_";

  private GcpEnvironment() {}

  /** The variables describing {@code config} (sorted, so compiled specs are stable). */
  public static Map<String, String> of(GcpConfig config) {
    Map<String, String> env = new TreeMap<>();
    env.put(PROFILE, "gcp");
    put(env, "project", config.project());
    put(env, "region", config.region());
    put(env, "dataset", config.dataset());
    put(env, "dataset_location", config.datasetLocation());
    put(env, "bucket", config.bucket());
    put(env, "repository", config.repository());
    put(env, "image", config.image());
    put(env, "service", config.service());
    put(env, "pipeline_service_account", config.pipelineServiceAccount());
    put(env, "serving_service_account", config.servingServiceAccount());
    put(env, "invokers", String.join(",", config.invokers()));
    return env;
  }

  /** Whether {@code env} turns the gcp profile on. */
  public static boolean isGcp(Map<String, String> env) {
    return "gcp".equals(env.get(PROFILE));
  }

  /** The {@code gcp.*} parameters {@code env} carries, for {@link GcpConfig#from}. */
  public static Map<String, String> parameters(Map<String, String> env) {
    Map<String, String> parameters = new LinkedHashMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith(PREFIX)) {
            parameters.put(
                GcpConfig.SECTION + "." + name.substring(PREFIX.length()).toLowerCase(Locale.ROOT),
                value);
          }
        });
    return parameters;
  }

  private static void put(Map<String, String> env, String key, String value) {
    env.put(PREFIX + key.toUpperCase(Locale.ROOT), value);
  }
}
