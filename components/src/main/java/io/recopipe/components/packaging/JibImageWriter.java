package io.recopipe.components.packaging;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.Ports;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.StepLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * Runs Jib (no Docker daemon) to write an image tarball from a base, app layers and config, with a
 * fixed creation time so the same inputs always give the same digest.
 */
final class JibImageWriter {
  /** The image creation time: fixed, so the config (and digest) depend only on the inputs. */
  static final Instant CREATED = Instant.EPOCH;

  private final String step;
  private final Path cacheDir;
  private final StepLog log;

  JibImageWriter(String step, Path cacheDir, StepLog log) {
    this.step = step;
    this.cacheDir = cacheDir;
    this.log = log;
  }

  /**
   * Writes image {@code name} to {@code tarFile} and returns what Jib reports; the layers before
   * the last (the model's) are taken from and kept in {@code distLayers}.
   */
  JibContainer write(
      BaseImage base,
      List<FileEntriesLayer> layers,
      List<String> entrypoint,
      int port,
      Map<String, String> labels,
      String name,
      Path tarFile,
      DistLayerCache distLayers)
      throws ComponentException {
    return build(
        base,
        layers,
        entrypoint,
        port,
        labels,
        () -> Containerizer.to(TarImage.at(tarFile).named(ImageReference.parse(name))),
        null,
        new Reuse(distLayers, tarFile));
  }

  /** Pushes the image as {@code tag} to {@code target} and returns what Jib reports. */
  JibContainer push(
      BaseImage base,
      List<FileEntriesLayer> layers,
      List<String> entrypoint,
      int port,
      Map<String, String> labels,
      ImageTarget target,
      String tag)
      throws ComponentException {
    return build(
        base,
        layers,
        entrypoint,
        port,
        labels,
        () ->
            Containerizer.to(target.registryImage(tag))
                .setAllowInsecureRegistries(target.allowInsecureRegistries()),
        target.reference(tag),
        null);
  }

  /** Where the image goes; may fail on a bad reference. */
  private interface Destination {
    Containerizer containerizer() throws InvalidImageReferenceException;
  }

  /** Where the dist's layers are kept, and the tarball whose config names the model layer. */
  private record Reuse(DistLayerCache cache, Path tarFile) {}

  private JibContainer build(
      BaseImage base,
      List<FileEntriesLayer> layers,
      List<String> entrypoint,
      int port,
      Map<String, String> labels,
      Destination destination,
      String pushedTo,
      Reuse reuse)
      throws ComponentException {
    Path appCache = null;
    try {
      Files.createDirectories(cacheDir);
      appCache = Files.createTempDirectory(cacheDir, "app-layers-");
      Set<String> seeded = reuse == null ? Set.of() : reuse.cache().seed(appCache);
      JibContainerBuilder builder =
          base.builder()
              .setFileEntriesLayers(layers)
              .setEntrypoint(entrypoint)
              .setWorkingDirectory(AbsoluteUnixPath.get("/"))
              .setProgramArguments(List.of())
              .setExposedPorts(Ports.parse(List.of(Integer.toString(port))))
              .setLabels(labels)
              .setCreationTime(CREATED);
      Containerizer containerizer =
          destination
              .containerizer()
              .setToolName("recopipe")
              .setBaseImageLayersCache(cacheDir.resolve("base"))
              .setApplicationLayersCache(appCache)
              .addEventHandler(LogEvent.class, this::log);
      JibContainer container = builder.containerize(containerizer);
      if (reuse != null) {
        keep(reuse, appCache, seeded);
      }
      return container;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ComponentException(step + ": interrupted while building the image", e);
    } catch (ExecutionException e) {
      throw failure(base, e.getCause() == null ? e : e.getCause(), pushedTo);
    } catch (RegistryException
        | IOException
        | CacheDirectoryCreationException
        | InvalidImageReferenceException
        | RuntimeException e) {
      throw failure(base, e, pushedTo);
    } finally {
      deleteQuietly(appCache);
    }
  }

  /** Keeps the dist's layers of a successful build; failing to only costs the next build. */
  private void keep(Reuse reuse, Path appCache, Set<String> seeded) {
    Set<String> reused = new HashSet<>();
    try {
      List<String> diffIds = ImageTarball.readConfig(reuse.tarFile()).diffIds();
      if (!diffIds.isEmpty()) {
        reused.addAll(reuse.cache().keep(appCache, diffIds.subList(0, diffIds.size() - 1)));
        reused.retainAll(seeded);
      }
    } catch (IOException | RuntimeException e) {
      log.info(
          "the serving dist's image layers were not kept in "
              + reuse.cache().directory()
              + " (the next build compresses them again): "
              + e.getMessage());
      return;
    }
    log.info(
        reused.isEmpty()
            ? "kept the serving dist's image layers in " + reuse.cache().directory()
            : "reused "
                + reused.size()
                + " image layers of the serving"
                + " dist from "
                + reuse.cache().directory());
  }

  private ComponentException failure(BaseImage base, Throwable cause, String pushedTo) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String why =
        root.getClass().getSimpleName()
            + (root.getMessage() == null
                ? ""
                : ": " + root.getMessage().lines().findFirst().orElse(""));
    String what =
        base.reference() != null
            ? "cannot use base image '"
                + base.spec()
                + "' (parameter "
                + BaseImage.PARAMETER
                + "; offline or not reachable?)"
            : "cannot build the image from base '" + base.spec() + "'";
    if (pushedTo != null) {
      what =
          "cannot build the image from base '"
              + base.spec()
              + "' or push it to "
              + pushedTo
              + " (registry reachable, credentials valid?)";
    }
    return new ComponentException(step + ": " + what + ": " + why, cause);
  }

  private void log(LogEvent event) {
    if (event.getMessage() == null || event.getMessage().isBlank()) {
      return;
    }
    switch (event.getLevel()) {
      case ERROR, WARN, LIFECYCLE -> log.info("jib: " + event.getMessage());
      default -> {}
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover cache directory is harmless
    }
  }
}
