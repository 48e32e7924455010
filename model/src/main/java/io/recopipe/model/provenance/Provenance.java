package io.recopipe.model.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import io.recopipe.model.io.JsonInputException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where a model came from: the code version and commit, the seed and the training data's
 * fingerprint, recorded in every bundle (as Tribuo does) so that a model found in production can be
 * traced to, and rebuilt from, its inputs. Every field is a function of those inputs, so two
 * trainings of the same data, options and seed write the same bytes; the run and the time it
 * happened live beside the model (the run record and the registry), not inside it.
 *
 * <p>Bundles written by earlier versions also recorded the run id, the creation time, the JVM and
 * the OS; the run id and time are still read from them (the rest is ignored).
 *
 * @param codeVersion recopipe's Maven version, or "unknown" when run from unfiltered classes
 * @param gitCommit the commit from {@code RECOPIPE_GIT_COMMIT}, or "unknown"
 * @param seed the training seed
 * @param dataFingerprint the training data's fingerprint (see {@code Ratings.fingerprint()})
 * @param createdAt when an older bundle says it was made; null in current bundles
 * @param runId the run an older bundle names; null in current bundles
 */
public record Provenance(
    String codeVersion,
    String gitCommit,
    long seed,
    String dataFingerprint,
    Instant createdAt,
    String runId) {

  /** The environment variable a build or CI job sets to the commit being built. */
  public static final String GIT_COMMIT_ENV = "RECOPIPE_GIT_COMMIT";

  /** Stands in for a value that could not be found. */
  public static final String UNKNOWN = "unknown";

  /** Checks that the deterministic fields are present. */
  public Provenance {
    Objects.requireNonNull(codeVersion, "codeVersion");
    Objects.requireNonNull(gitCommit, "gitCommit");
    Objects.requireNonNull(dataFingerprint, "dataFingerprint");
  }

  /** The provenance of a model trained by this code with {@code seed} on that data. */
  public static Provenance of(long seed, String dataFingerprint) {
    return of(seed, dataFingerprint, System.getenv());
  }

  /** As {@link #of(long, String)}, reading the commit from {@code environment} (for tests). */
  public static Provenance of(long seed, String dataFingerprint, Map<String, String> environment) {
    String commit = environment.get(GIT_COMMIT_ENV);
    return new Provenance(
        currentCodeVersion(),
        commit == null || commit.isBlank() ? UNKNOWN : commit.trim(),
        seed,
        dataFingerprint,
        null,
        null);
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

  /** Returns the JSON form, snake_case as the rest of the manifest; absent fields are left out. */
  public ObjectNode toJson() {
    ObjectNode json =
        Json.object()
            .put("code_version", codeVersion)
            .put("git_commit", gitCommit)
            .put("seed", seed)
            .put("data_fingerprint", dataFingerprint);
    if (createdAt != null) {
      json.put("created_at", createdAt.toString());
    }
    if (runId != null) {
      json.put("run_id", runId);
    }
    return json;
  }

  /**
   * Reads the JSON form; unknown fields (an older bundle's JVM and OS) are ignored.
   *
   * @throws JsonInputException naming the field that is missing or malformed
   */
  public static Provenance fromJson(JsonNode json) {
    Instant createdAt = null;
    String created = JsonFields.string(json, "created_at", null);
    if (created != null) {
      try {
        createdAt = Instant.parse(created);
      } catch (DateTimeParseException e) {
        throw new JsonInputException(
            "field 'created_at': '"
                + created
                + "' is not an ISO-8601 UTC time such as 2024-05-01T12:00:00Z");
      }
    }
    return new Provenance(
        JsonFields.string(json, "code_version"),
        JsonFields.string(json, "git_commit"),
        JsonFields.longValue(json, "seed"),
        JsonFields.string(json, "data_fingerprint"),
        createdAt,
        JsonFields.string(json, "run_id", null));
  }
}
