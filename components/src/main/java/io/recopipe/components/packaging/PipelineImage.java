package io.recopipe.components.packaging;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Builds and pushes the recopipe pipeline image, the container every Vertex AI task runs as {@code
 * recopipe component STEP …}: the CLI jar under {@code /app/libs} on a Java base, with the
 * entrypoint the compiled spec's command assumes, so a spec and its image always agree.
 */
public final class PipelineImage {
  /** Where the CLI jar goes; the spec's classpath {@code /app/libs/*} picks it up. */
  public static final String LIBS = "/app/libs";

  /** The command a compiled spec starts (kept equal to the KFP compiler's). */
  public static final List<String> COMMAND =
      List.of(
          "java",
          "--add-modules",
          "jdk.incubator.vector",
          "-cp",
          "/app/resources:/app/classes:/app/libs/*",
          "io.recopipe.pipeline.cli.Main");

  private PipelineImage() {}

  /**
   * Pushes {@code cliJar} as {@code target}'s image {@code tag} on {@code baseImage} (a registry
   * reference, {@code tar:PATH} or {@code scratch}); returns the pushed reference pinned by digest.
   * Layers are cached under {@code cacheDir}.
   */
  public static String push(
      Path cliJar, ImageTarget target, String tag, String baseImage, Path cacheDir)
      throws IOException {
    if (!Files.isRegularFile(cliJar)) {
      throw new IOException(
          "the recopipe CLI jar "
              + cliJar
              + " does not exist; build it with "
              + "mvn -DskipTests package");
    }
    try {
      BaseImage base = BaseImage.parse("image", baseImage);
      Files.createDirectories(cacheDir);
      Containerizer containerizer =
          Containerizer.to(target.registryImage(tag))
              .setAllowInsecureRegistries(target.allowInsecureRegistries())
              .setToolName("recopipe")
              .setBaseImageLayersCache(cacheDir.resolve("base"))
              .setApplicationLayersCache(cacheDir.resolve("app"));
      JibContainer pushed =
          base.builder()
              .addLayer(List.of(cliJar), AbsoluteUnixPath.get(LIBS))
              .setEntrypoint(COMMAND)
              .setLabels(Map.of("io.recopipe.image", "pipeline"))
              .setCreationTime(Instant.EPOCH)
              .containerize(containerizer);
      return target.reference(tag).replaceFirst(":[^:/]+$", "") + "@" + pushed.getDigest();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while pushing the pipeline image", e);
    } catch (ExecutionException e) {
      throw new IOException(
          "cannot push the pipeline image to "
              + target.reference(tag)
              + ": "
              + (e.getCause() == null ? e : e.getCause()).getMessage(),
          e);
    } catch (RegistryException
        | CacheDirectoryCreationException
        | InvalidImageReferenceException
        | io.recopipe.components.api.ComponentException e) {
      throw new IOException(
          "cannot push the pipeline image to " + target.reference(tag) + ": " + e.getMessage(), e);
    }
  }
}
