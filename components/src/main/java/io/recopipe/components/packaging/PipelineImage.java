package io.recopipe.components.packaging;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import io.recopipe.components.api.ComponentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Builds and pushes the recopipe pipeline image, the container every Vertex AI task runs as {@code
 * recopipe component STEP …}: the CLI jar under {@code /app/libs} and the serving dist the package
 * step builds the serving image from under {@code /app/serving-dist} (named by {@link
 * ServingDist#ENV}, as the launcher names it locally), on a Java base, with the entrypoint the
 * compiled spec's command assumes, so a spec and its image always agree.
 */
public final class PipelineImage {
  /** Where the CLI jar goes; the spec's classpath {@code /app/libs/*} picks it up. */
  public static final String LIBS = "/app/libs";

  /** Where the serving dist goes; {@link ServingDist#ENV} names it in the image. */
  public static final String SERVING_DIST = "/app/serving-dist";

  /** The CLI's main class, which the command starts. */
  public static final String MAIN = "io.recopipe.pipeline.cli.Main";

  /**
   * The command a compiled spec starts (kept equal to the KFP compiler's): the CLI's JVM flags
   * ({@link CliJvmFlags}, the launcher's) and the image's classpath.
   */
  public static final List<String> COMMAND = command();

  private PipelineImage() {}

  /**
   * Pushes {@code cliJar} and {@code dist} as {@code target}'s image {@code tag} on {@code
   * baseImage} (a registry reference, {@code tar:PATH} or {@code scratch}); returns the pushed
   * reference pinned by digest. Layers are cached under {@code cacheDir}.
   */
  public static String push(
      Path cliJar,
      ServingDist dist,
      ImageTarget target,
      String tag,
      String baseImage,
      Path cacheDir)
      throws IOException {
    try {
      Files.createDirectories(cacheDir);
      Containerizer containerizer =
          Containerizer.to(target.registryImage(tag))
              .setAllowInsecureRegistries(target.allowInsecureRegistries())
              .setToolName("recopipe")
              .setBaseImageLayersCache(cacheDir.resolve("base"))
              .setApplicationLayersCache(cacheDir.resolve("app"));
      JibContainer pushed = image(cliJar, dist, baseImage).containerize(containerizer);
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
        | ComponentException e) {
      throw new IOException(
          "cannot push the pipeline image to " + target.reference(tag) + ": " + e.getMessage(), e);
    }
  }

  /**
   * The image {@link #push} pushes, before it goes anywhere: the CLI jar's layer, the serving
   * dist's layer (every file of the dist, its native libraries included), the entrypoint and the
   * environment naming the dist.
   */
  public static JibContainerBuilder image(Path cliJar, ServingDist dist, String baseImage)
      throws IOException, ComponentException {
    if (!Files.isRegularFile(cliJar)) {
      throw new IOException(
          "the recopipe CLI jar "
              + cliJar
              + " does not exist; build it with "
              + "mvn -DskipTests package");
    }
    FileEntriesLayer cli =
        FileEntriesLayer.builder()
            .setName("cli")
            .addEntry(cliJar, AbsoluteUnixPath.get(LIBS).resolve(cliJar.getFileName().toString()))
            .build();
    FileEntriesLayer serving =
        FileEntriesLayer.builder()
            .setName("serving-dist")
            .addEntryRecursive(dist.directory(), AbsoluteUnixPath.get(SERVING_DIST))
            .build();
    return BaseImage.parse("image", baseImage)
        .builder()
        .addFileEntriesLayer(serving)
        .addFileEntriesLayer(cli)
        .setEntrypoint(COMMAND)
        .addEnvironmentVariable(ServingDist.ENV, SERVING_DIST)
        .setLabels(Map.of("io.recopipe.image", "pipeline"))
        .setCreationTime(Instant.EPOCH);
  }

  private static List<String> command() {
    List<String> command = new ArrayList<>();
    command.add("java");
    command.addAll(CliJvmFlags.FLAGS);
    command.addAll(List.of("-cp", "/app/resources:/app/classes:/app/libs/*", MAIN));
    return List.copyOf(command);
  }
}
