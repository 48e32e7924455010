package io.recopipe.pipeline.kfp;

import io.recopipe.infra.config.GcpConfig;
import io.recopipe.model.error.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which image Vertex tasks run, always pinned by digest: a tag such as {@code :latest} can move
 * after a spec is compiled, and Vertex AI's cache keys on the image reference, so a new push behind
 * the same tag would be skipped by cache hits. An explicit {@code --image} must be a digest
 * reference; by default the one {@code recopipe image push --profile gcp} last pushed to the gcp
 * section's repository (recorded in the home) is used.
 */
public final class VertexImages {
  /** Appended to {@code GcpConfig.imageRepository()} for the pipeline image's repository. */
  public static final String PIPELINE_SUFFIX = "-pipeline";

  /** The home file where {@code image push} records each pushed reference, one a line. */
  public static final String PUSHED_FILE = "pipeline-images";

  private static final Pattern PINNED = Pattern.compile("[^@\\s]+@sha256:[0-9a-f]{64}");

  private VertexImages() {}

  /**
   * {@code explicit} when given (it must be pinned by digest), else the reference last pushed for
   * {@code gcp}'s pipeline repository according to {@code home}.
   *
   * @throws IllegalArgumentException for a tag reference, or when nothing was pushed
   */
  public static String resolve(String explicit, Optional<GcpConfig> gcp, Path home) {
    if (explicit != null && !explicit.isBlank()) {
      String image = explicit.strip();
      if (!PINNED.matcher(image).matches()) {
        throw new InvalidInputException(
            "--image "
                + image
                + ": pin the pipeline image by "
                + "digest (REPOSITORY@sha256:<64 hex>, as recopipe image push prints it), so the "
                + "spec runs exactly that code");
      }
      return image;
    }
    if (gcp.isEmpty()) {
      throw new InvalidInputException(
          "pass --image REPOSITORY@sha256:… (the recopipe "
              + "pipeline image) or complete the gcp section and run recopipe image push --profile "
              + "gcp");
    }
    String repository = gcp.get().imageRepository() + PIPELINE_SUFFIX;
    return lastPushed(home, repository)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "no pipeline image pushed to "
                        + repository
                        + " from home "
                        + home
                        + ": run recopipe "
                        + "image push --profile gcp first, or pass --image "
                        + repository
                        + "@sha256:…"));
  }

  /** Records {@code pinned} (a digest reference) as pushed, for later compiles in {@code home}. */
  public static void recordPushed(Path home, String pinned) {
    if (!PINNED.matcher(pinned).matches()) {
      throw new IllegalArgumentException("not a digest reference: " + pinned);
    }
    try {
      Files.createDirectories(home);
      Files.writeString(
          home.resolve(PUSHED_FILE),
          pinned + "\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the pushed image in " + home, e);
    }
  }

  /** The reference last recorded for {@code repository} in {@code home}. */
  static Optional<String> lastPushed(Path home, String repository) {
    Path file = home.resolve(PUSHED_FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = lines.size() - 1; i >= 0; i--) {
        String line = lines.get(i).strip();
        if (PINNED.matcher(line).matches() && line.startsWith(repository + "@")) {
          return Optional.of(line);
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
