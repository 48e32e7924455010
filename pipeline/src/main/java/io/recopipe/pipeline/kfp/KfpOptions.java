package io.recopipe.pipeline.kfp;

import io.recopipe.components.packaging.PipelineImage;
import io.recopipe.model.error.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a compiled spec needs besides the pipeline definition: the container every executor runs and
 * where Vertex keeps artifacts, kept apart from the definition because they differ per project
 * while the graph does not.
 *
 * @param image the recopipe pipeline image (registry reference with tag or digest)
 * @param command the container command that starts the recopipe CLI
 * @param sdkVersion the spec's {@code sdkVersion}, naming the compiler
 * @param pipelineRoot the spec's {@code defaultPipelineRoot} ({@code gs://…}), when known
 * @param env environment variables every executor's container gets (the gcp profile)
 * @param sharedWarehouse whether tasks write a warehouse that outlives their containers (the gcp
 *     profile's BigQuery dataset): a task skipped by a cache hit would leave its tables as another
 *     run wrote them, so tasks writing tables are not cached
 */
public record KfpOptions(
    String image,
    List<String> command,
    String sdkVersion,
    Optional<String> pipelineRoot,
    Map<String, String> env,
    boolean sharedWarehouse) {
  /** The KFP IR version Vertex AI Pipelines reads today. */
  public static final String SCHEMA_VERSION = "2.1.0";

  /**
   * The CLI's main class on a Jib-built image's default classpath, so the command does not depend
   * on a launcher script inside the image; the Vector API module is added, as the local launcher
   * does, so training and scoring run the vectorized kernels on Vertex too.
   */
  public static final List<String> JIB_COMMAND = PipelineImage.COMMAND;

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
    return new KfpOptions(image, JIB_COMMAND, "recopipe-0.1.0", Optional.empty(), Map.of(), false);
  }

  /** These options with {@code root} as the spec's default pipeline root. */
  public KfpOptions withPipelineRoot(String root) {
    return new KfpOptions(image, command, sdkVersion, Optional.of(root), env, sharedWarehouse);
  }

  /** These options with {@code variables} set in every executor's container. */
  public KfpOptions withEnv(Map<String, String> variables) {
    return new KfpOptions(image, command, sdkVersion, pipelineRoot, variables, sharedWarehouse);
  }

  /** These options for tasks that write a shared warehouse (see {@code sharedWarehouse}). */
  public KfpOptions withSharedWarehouse() {
    return new KfpOptions(image, command, sdkVersion, pipelineRoot, env, true);
  }
}
