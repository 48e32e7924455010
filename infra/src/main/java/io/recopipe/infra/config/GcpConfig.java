package io.recopipe.infra.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code gcp} section of a pipeline config, checked whole before any Google API is called, so a
 * user with three missing fields learns all three at once instead of after a failed job.
 *
 * @param project the Google Cloud project id
 * @param region the region for Cloud Run, Artifact Registry, Vertex AI and GCS
 * @param dataset the BigQuery dataset (created by terraform)
 * @param datasetLocation the dataset's location (default: the region)
 * @param bucket the GCS bucket for artifacts and pipeline roots
 * @param repository the Artifact Registry DOCKER repository id
 * @param image the image name inside the repository (default {@code recopipe})
 * @param service the Cloud Run service name
 * @param pipelineServiceAccount the service account pipeline jobs run as (email)
 * @param servingServiceAccount the service account the Cloud Run service runs as (email)
 * @param invokers principals granted {@code roles/run.invoker}, e.g. {@code
 *     serviceAccount:app@p.iam.gserviceaccount.com}
 */
public record GcpConfig(
    String project,
    String region,
    String dataset,
    String datasetLocation,
    String bucket,
    String repository,
    String image,
    String service,
    String pipelineServiceAccount,
    String servingServiceAccount,
    List<String> invokers) {

  /** The config section holding these keys. */
  public static final String SECTION = "gcp";

  /**
   * Every key of the section (its fields and the endpoint overrides of {@link GcpEndpoints}), so a
   * typo in it can be refused before anything runs.
   */
  public static final Set<String> KEYS = keys();

  private static final String SERVICE_ACCOUNT =
      "[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+" + "\\.iam\\.gserviceaccount\\.com";

  /**
   * Reads {@code gcp.*} from a run's flat parameters; every missing or malformed field is reported
   * in one {@link GcpConfigException} naming {@code source}.
   */
  public static GcpConfig from(Map<String, String> parameters, String source) {
    List<String> problems = new ArrayList<>();
    Fields f = new Fields(parameters, problems);
    String project =
        f.required(
            "project",
            "[a-z][a-z0-9-]{4,28}[a-z0-9]",
            "a project id: 6-30 lower-case letters, digits or hyphens, starting with a letter");
    String region = f.required("region", "[a-z]+-[a-z]+[0-9]+", "a region such as europe-west1");
    String dataset =
        f.required("dataset", "[A-Za-z0-9_]{1,1024}", "letters, digits and underscores");
    String bucket =
        f.required(
            "bucket",
            "[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]",
            "a bucket name: 3-63 lower-case letters, digits, dots, hyphens or underscores");
    String repository =
        f.required(
            "repository",
            "[a-z][a-z0-9-]{0,62}",
            "a repository id: lower-case letters, digits and hyphens");
    String service =
        f.required(
            "service",
            "[a-z]([a-z0-9-]{0,47}[a-z0-9])?",
            "a Cloud Run service name: under 50 lower-case letters, digits or hyphens");
    String pipelineSa =
        f.required(
            "pipeline_service_account",
            SERVICE_ACCOUNT,
            "a service account email (…@PROJECT.iam.gserviceaccount.com)");
    String servingSa =
        f.required(
            "serving_service_account",
            SERVICE_ACCOUNT,
            "a service account email (…@PROJECT.iam.gserviceaccount.com)");
    String image = f.optional("image", "[a-z0-9][a-z0-9._/-]*", "an image name").orElse("recopipe");
    String location =
        f.optional("dataset_location", "[A-Za-z0-9-]+", "a BigQuery location").orElse(region);
    List<String> invokers =
        f.optional("invokers", ".*", "").map(GcpConfig::split).orElse(List.of());
    for (String member : invokers) {
      if (!member.matches("(user|serviceAccount|group|domain):.+")) {
        problems.add(
            SECTION
                + ".invokers: '"
                + member
                + "' must be user:, serviceAccount:, "
                + "group: or domain: (allUsers and allAuthenticatedUsers are refused: the service is "
                + "never public)");
      }
    }
    GcpEndpoints.read(parameters, problems);
    if (!problems.isEmpty()) {
      throw new GcpConfigException(
          "config " + source + ": the gcp profile needs " + String.join("; ", problems));
    }
    return new GcpConfig(
        project,
        region,
        dataset,
        location,
        bucket,
        repository,
        image,
        service,
        pipelineSa,
        servingSa,
        List.copyOf(invokers));
  }

  /** The Artifact Registry host, e.g. {@code europe-west1-docker.pkg.dev}. */
  public String registryHost() {
    return region + "-docker.pkg.dev";
  }

  /** The image reference without tag: {@code HOST/PROJECT/REPOSITORY/IMAGE}. */
  public String imageRepository() {
    return registryHost() + "/" + project + "/" + repository + "/" + image;
  }

  /** {@code projects/P/locations/R}, the parent of Cloud Run services and Vertex resources. */
  public String locationName() {
    return "projects/" + project + "/locations/" + region;
  }

  /** {@code gs://BUCKET/pipeline-root}, where Vertex writes pipeline artifacts. */
  public String pipelineRoot() {
    return "gs://" + bucket + "/pipeline-root";
  }

  private static Set<String> keys() {
    Set<String> keys =
        new java.util.HashSet<>(
            Set.of(
                "project",
                "region",
                "dataset",
                "dataset_location",
                "bucket",
                "repository",
                "image",
                "service",
                "pipeline_service_account",
                "serving_service_account",
                "invokers"));
    keys.addAll(GcpEndpoints.KEYS);
    return Set.copyOf(keys);
  }

  private static List<String> split(String text) {
    return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** Reads fields and collects problems. */
  private record Fields(Map<String, String> parameters, List<String> problems) {
    String required(String key, String pattern, String expected) {
      Optional<String> value = optional(key, pattern, expected);
      if (value.isEmpty() && blank(key)) {
        problems.add(SECTION + "." + key + " (missing; " + expected + ")");
      }
      return value.orElse(null);
    }

    Optional<String> optional(String key, String pattern, String expected) {
      if (blank(key)) {
        return Optional.empty();
      }
      String value = parameters.get(SECTION + "." + key).strip();
      if (!value.matches(pattern)) {
        problems.add(SECTION + "." + key + " '" + value + "' is not " + expected);
        return Optional.empty();
      }
      return Optional.of(value);
    }

    private boolean blank(String key) {
      String value = parameters.get(SECTION + "." + key);
      return value == null || value.isBlank();
    }
  }
}
