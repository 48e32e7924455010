package io.recopipe.pipeline.kfp;

import io.recopipe.model.error.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a compiled spec needs besides the pipeline definition: the container every executor runs
 * and where Vertex keeps artifacts, kept apart from the definition because they differ per
 * project while the graph does not.
 *
 * @param image        the recopipe pipeline image (registry reference with tag or digest)
 * @param command      the container command that starts the recopipe CLI
 * @param sdkVersion   the spec's {@code sdkVersion}, naming the compiler
 * @param pipelineRoot the spec's {@code defaultPipelineRoot} ({@code gs://…}), when known
 * @param env          environment variables every executor's container gets (the gcp profile)
 */
public record KfpOptions(String image, List<String> command, String sdkVersion,
    Optional<String> pipelineRoot, Map<String, String> env) {
  /** The KFP IR version Vertex AI Pipelines reads today. */
  public static final String SCHEMA_VERSION = "2.1.0";

  /**
   * The CLI's main class on a Jib-built image's default classpath, so the command does not
   * depend on a launcher script inside the image.
   */
  public static final List<String> JIB_COMMAND = List.of("java", "-cp",
      "/app/resources:/app/classes:/app/libs/*", "io.recopipe.pipeline.cli.Main");

  /** Copies the command and checks the image. */
  public KfpOptions {
    if (image == null || image.isBlank()) {
      throw new InvalidInputException("the pipeline image reference is empty");
    }
    command = List.copyOf(command);
    env = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(env));
  }

  /** Runs {@code image} with the Jib command, no default pipeline root. */
  public static KfpOptions of(String image) {
    return new KfpOptions(image, JIB_COMMAND, "recopipe-0.1.0", Optional.empty(), Map.of());
  }

  /** These options with {@code root} as the spec's default pipeline root. */
  public KfpOptions withPipelineRoot(String root) {
    return new KfpOptions(image, command, sdkVersion, Optional.of(root), env);
  }

  /** These options with {@code variables} set in every executor's container. */
  public KfpOptions withEnv(Map<String, String> variables) {
    return new KfpOptions(image, command, sdkVersion, pipelineRoot, variables);
  }
}
