package io.recopipe.components.packaging;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import io.recopipe.components.api.ComponentException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The {@code base_image} parameter decoded and checked up front ({@code scratch}, a local {@code
 * docker save} tarball, or a registry reference), so a bad value fails in one line before any layer
 * is built.
 *
 * @param spec the parameter value as given
 * @param tarball the tarball, for a {@code tar:}/{@code docker-save:} base, else null
 * @param reference the registry reference, for a registry base, else null
 */
public record BaseImage(String spec, Path tarball, ImageReference reference) {
  /** The parameter name. */
  public static final String PARAMETER = "base_image";

  /** The empty base of the local profile: the host's JRE runs the app layers. */
  public static BaseImage scratch() {
    return new BaseImage("scratch", null, null);
  }

  /** Whether this is the empty base. */
  public boolean isScratch() {
    return tarball == null && reference == null;
  }

  /**
   * Parses {@code scratch}, {@code tar:PATH}, {@code docker-save:PATH} or a registry reference
   * ({@code registry:REF} or a bare {@code host/name[:tag|@digest]}); a tarball must already be a
   * readable docker-save tarball.
   */
  public static BaseImage parse(String step, String spec) throws ComponentException {
    String value = spec.trim();
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.equals("scratch")) {
      return scratch();
    }
    for (String prefix : new String[] {"tar:", "docker-save:"}) {
      if (lower.startsWith(prefix)) {
        String rest = value.substring(prefix.length());
        rest = rest.startsWith("//") ? rest.substring(2) : rest;
        if (rest.isBlank()) {
          throw bad(step, spec, "no tarball path after '" + prefix + "'");
        }
        Path path = Path.of(rest).toAbsolutePath().normalize();
        try {
          ImageTarball.open(path);
        } catch (IOException e) {
          throw new ComponentException(
              step + ": parameter " + PARAMETER + ": " + e.getMessage(), e);
        }
        return new BaseImage(value, path, null);
      }
    }
    String ref = lower.startsWith("registry:") ? value.substring("registry:".length()) : value;
    ref = ref.startsWith("//") ? ref.substring(2) : ref;
    if (ref.contains("://") || lower.startsWith("docker:")) {
      throw bad(
          step,
          spec,
          "unknown syntax (use scratch, tar:PATH, docker-save:PATH or a "
              + "registry reference such as gcr.io/distroless/java17-debian12)");
    }
    try {
      return new BaseImage(value, null, ImageReference.parse(ref));
    } catch (InvalidImageReferenceException e) {
      throw bad(
          step,
          spec,
          "unknown syntax (use scratch, tar:PATH, docker-save:PATH or a "
              + "registry reference such as gcr.io/distroless/java17-debian12)");
    }
  }

  /** A Jib builder starting from this base. */
  JibContainerBuilder builder() {
    if (tarball != null) {
      return Jib.from(TarImage.at(tarball));
    }
    if (reference != null) {
      return Jib.from(RegistryImage.named(reference));
    }
    return Jib.fromScratch();
  }

  private static ComponentException bad(String step, String spec, String why) {
    return new ComponentException(step + ": parameter " + PARAMETER + " '" + spec + "': " + why);
  }
}
