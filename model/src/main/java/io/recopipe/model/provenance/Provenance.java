package io.recopipe.model.provenance;

import io.recopipe.model.json.JsonException;
import io.recopipe.model.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where a model came from: the code version and commit, the JVM and OS, when it was made, the seed
 * and the training data's fingerprint; recorded in every bundle (as Tribuo does) so that a model
 * found in production can be traced to, and rebuilt from, its inputs.
 *
 * @param codeVersion     recopipe's Maven version, or "unknown" when run from unfiltered classes
 * @param gitCommit       the commit from {@code RECOPIPE_GIT_COMMIT}, or "unknown"
 * @param javaVersion     {@link Runtime#version()}
 * @param javaVendor      the {@code java.vendor} property
 * @param osName          the {@code os.name} property
 * @param osVersion       the {@code os.version} property
 * @param osArch          the {@code os.arch} property
 * @param createdAt       when the model was made (written as ISO-8601 UTC)
 * @param seed            the training seed
 * @param dataFingerprint the training data's fingerprint (see {@code Ratings.fingerprint()})
 * @param runId           the pipeline run that made the model, or null outside a pipeline
 */
public record Provenance(String codeVersion, String gitCommit, String javaVersion,
    String javaVendor, String osName, String osVersion, String osArch, Instant createdAt,
    long seed, String dataFingerprint, String runId) {

  /** The environment variable a build or CI job sets to the commit being built. */
  public static final String GIT_COMMIT_ENV = "RECOPIPE_GIT_COMMIT";
  /** Stands in for a value that could not be found. */
  public static final String UNKNOWN = "unknown";

  /** Checks that every field but {@code runId} is present. */
  public Provenance {
    Objects.requireNonNull(codeVersion, "codeVersion");
    Objects.requireNonNull(gitCommit, "gitCommit");
    Objects.requireNonNull(javaVersion, "javaVersion");
    Objects.requireNonNull(javaVendor, "javaVendor");
    Objects.requireNonNull(osName, "osName");
    Objects.requireNonNull(osVersion, "osVersion");
    Objects.requireNonNull(osArch, "osArch");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(dataFingerprint, "dataFingerprint");
  }

  /** Captures the provenance of a model being made now in this JVM. */
  public static Provenance capture(long seed, String dataFingerprint, String runId) {
    return capture(seed, dataFingerprint, runId, Clock.systemUTC(), System.getenv());
  }

  /**
   * Captures provenance with the clock and environment given, so that tests and reproducible
   * builds can fix them; the time is truncated to milliseconds.
   */
  public static Provenance capture(long seed, String dataFingerprint, String runId, Clock clock,
      Map<String, String> environment) {
    String commit = environment.get(GIT_COMMIT_ENV);
    return new Provenance(currentCodeVersion(),
        commit == null || commit.isBlank() ? UNKNOWN : commit.trim(),
        Runtime.version().toString(),
        System.getProperty("java.vendor", UNKNOWN),
        System.getProperty("os.name", UNKNOWN),
        System.getProperty("os.version", UNKNOWN),
        System.getProperty("os.arch", UNKNOWN),
        clock.instant().truncatedTo(ChronoUnit.MILLIS),
        seed, dataFingerprint, runId);
  }

  /** Returns recopipe's version from the Maven-filtered {@code version.properties}. */
  public static String currentCodeVersion() {
    Properties properties = new Properties();
    try (InputStream in = Provenance.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return UNKNOWN;
      }
      properties.load(in);
    } catch (IOException e) {
      return UNKNOWN;
    }
    String version = properties.getProperty("version", "").trim();
    return version.isEmpty() || version.contains("${") ? UNKNOWN : version;
  }

  /** Returns the JSON form, snake_case as the rest of the manifest. */
  public JsonObject toJson() {
    return JsonObject.builder()
        .put("code_version", codeVersion)
        .put("git_commit", gitCommit)
        .put("java_version", javaVersion)
        .put("java_vendor", javaVendor)
        .put("os_name", osName)
        .put("os_version", osVersion)
        .put("os_arch", osArch)
        .put("created_at", createdAt.toString())
        .put("seed", seed)
        .put("data_fingerprint", dataFingerprint)
        .put("run_id", runId)
        .build();
  }

  /**
   * Reads the JSON form; unknown fields are ignored so that newer writers may add some.
   *
   * @throws JsonException naming the field that is missing or malformed
   */
  public static Provenance fromJson(JsonObject json) {
    String created = json.getString("created_at");
    Instant createdAt;
    try {
      createdAt = Instant.parse(created);
    } catch (DateTimeParseException e) {
      throw new JsonException("field 'created_at': '" + created
          + "' is not an ISO-8601 UTC time such as 2024-05-01T12:00:00Z");
    }
    return new Provenance(json.getString("code_version"), json.getString("git_commit"),
        json.getString("java_version"), json.getString("java_vendor"), json.getString("os_name"),
        json.getString("os_version"), json.getString("os_arch"), createdAt, json.getLong("seed"),
        json.getString("data_fingerprint"), json.getString("run_id", null));
  }
}
