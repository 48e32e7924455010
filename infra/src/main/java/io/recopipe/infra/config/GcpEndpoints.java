package io.recopipe.infra.config;

import io.recopipe.model.options.Option;
import io.recopipe.model.options.OptionReader;
import io.recopipe.model.options.OptionType;
import io.recopipe.model.options.Wording;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the gcp profile's clients connect instead of Google's default endpoints (an emulator, a
 * private endpoint, a loopback stand-in), read from the {@code gcp} section with the shared {@link
 * OptionReader}, so one place decides every client's address and whether it speaks TLS with
 * credentials or plain text without them.
 *
 * @param bigQuery BigQuery's root URL ({@code gcp.bigquery_endpoint}, e.g. {@code
 *     http://127.0.0.1:9050})
 * @param storage Cloud Storage's host URL ({@code gcp.storage_endpoint})
 * @param cloudRun Cloud Run's gRPC {@code host:port} ({@code gcp.run_endpoint})
 * @param vertex Vertex AI's gRPC {@code host:port} ({@code gcp.vertex_endpoint})
 * @param artifactRegistry the Docker registry host ({@code gcp.artifact_registry_endpoint}, {@code
 *     host[:port]}) images are pushed to and referenced from
 * @param plaintext {@code gcp.plaintext_endpoints}: no TLS and no credentials, allowed only when
 *     every client's endpoint above is overridden, so nothing unauthenticated reaches Google
 */
public record GcpEndpoints(
    Optional<String> bigQuery,
    Optional<String> storage,
    Optional<String> cloudRun,
    Optional<String> vertex,
    Optional<String> artifactRegistry,
    boolean plaintext) {

  /** Google's default endpoints, with TLS and Application Default Credentials. */
  public static final GcpEndpoints GOOGLE =
      new GcpEndpoints(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          false);

  static final Option<String> BIGQUERY =
      Option.of("bigquery_endpoint", OptionType.text("a URL"), "", "BigQuery's root URL");
  static final Option<String> STORAGE =
      Option.of("storage_endpoint", OptionType.text("a URL"), "", "Cloud Storage's host URL");
  static final Option<String> CLOUD_RUN =
      Option.of("run_endpoint", OptionType.text("host:port"), "", "Cloud Run's gRPC endpoint");
  static final Option<String> VERTEX =
      Option.of("vertex_endpoint", OptionType.text("host:port"), "", "Vertex AI's gRPC endpoint");
  static final Option<String> ARTIFACT_REGISTRY =
      Option.of(
          "artifact_registry_endpoint",
          OptionType.text("host[:port]"),
          "",
          "the Docker registry host");
  static final Option<Boolean> PLAINTEXT =
      Option.of(
          "plaintext_endpoints",
          OptionType.BOOLEAN,
          false,
          "no TLS and no credentials for the overridden endpoints");

  /** The keys of the {@code gcp} section these come from. */
  public static final Set<String> KEYS =
      Set.of(
          BIGQUERY.name(),
          STORAGE.name(),
          CLOUD_RUN.name(),
          VERTEX.name(),
          ARTIFACT_REGISTRY.name(),
          PLAINTEXT.name());

  /**
   * Reads the overrides from a run's flat {@code gcp.*} parameters; every problem is reported in
   * one {@link GcpConfigException} naming {@code source}.
   */
  public static GcpEndpoints from(Map<String, String> parameters, String source) {
    List<String> problems = new ArrayList<>();
    GcpEndpoints endpoints = read(parameters, problems);
    if (!problems.isEmpty()) {
      throw new GcpConfigException(
          "config " + source + ": the gcp profile needs " + String.join("; ", problems));
    }
    return endpoints;
  }

  /** Reads the overrides, adding every problem to {@code problems} (see {@link GcpConfig#from}). */
  static GcpEndpoints read(Map<String, String> parameters, List<String> problems) {
    Map<String, String> section = new java.util.HashMap<>();
    String prefix = GcpConfig.SECTION + ".";
    parameters.forEach(
        (key, value) -> {
          if (key.startsWith(prefix) && KEYS.contains(key.substring(prefix.length()))) {
            section.put(key.substring(prefix.length()), value);
          }
        });
    OptionReader reader =
        OptionReader.of(section, Wording.expected(prefix), OptionReader.Text.BLANK_IS_UNSET);
    Optional<String> bigQuery = url(reader, BIGQUERY);
    Optional<String> storage = url(reader, STORAGE);
    Optional<String> cloudRun = hostPort(reader, CLOUD_RUN, true);
    Optional<String> vertex = hostPort(reader, VERTEX, true);
    Optional<String> registry = hostPort(reader, ARTIFACT_REGISTRY, false);
    boolean plaintext = reader.get(PLAINTEXT);
    if (plaintext) {
      List<String> missing = new ArrayList<>();
      for (var entry :
          Map.of(BIGQUERY, bigQuery, STORAGE, storage, CLOUD_RUN, cloudRun, VERTEX, vertex)
              .entrySet()) {
        if (entry.getValue().isEmpty()) {
          missing.add(prefix + entry.getKey().name());
        }
      }
      if (!missing.isEmpty()) {
        missing.sort(null);
        reader.problem(
            prefix
                + PLAINTEXT.name()
                + ": true needs every client's endpoint overridden, so nothing unauthenticated"
                + " reaches Google; missing "
                + String.join(", ", missing));
      }
    }
    problems.addAll(reader.problems());
    return new GcpEndpoints(bigQuery, storage, cloudRun, vertex, registry, plaintext);
  }

  private static Optional<String> url(OptionReader reader, Option<String> option) {
    Optional<String> value = reader.find(option);
    if (value.isPresent()) {
      try {
        URI uri = URI.create(value.get());
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
            || uri.getHost() == null) {
          throw new IllegalArgumentException(value.get());
        }
      } catch (IllegalArgumentException e) {
        reader.problem(
            GcpConfig.SECTION
                + "."
                + option.name()
                + ": expected an http:// or https:// URL, found '"
                + value.get()
                + "'");
        return Optional.empty();
      }
    }
    return value;
  }

  private static Optional<String> hostPort(
      OptionReader reader, Option<String> option, boolean portRequired) {
    Optional<String> value = reader.find(option);
    String pattern = "[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]";
    if (value.isPresent()
        && !value
            .get()
            .matches("(" + pattern + ")" + (portRequired ? ":\\d{1,5}" : "(:\\d{1,5})?"))) {
      reader.problem(
          GcpConfig.SECTION
              + "."
              + option.name()
              + ": expected "
              + (portRequired ? "host:port" : "host or host:port")
              + ", found '"
              + value.get()
              + "'");
      return Optional.empty();
    }
    return value;
  }
}
