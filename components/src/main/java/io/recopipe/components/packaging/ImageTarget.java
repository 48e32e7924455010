package io.recopipe.components.packaging;

import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.RegistryImage;

/**
 * A registry the package step pushes the serving image to when the profile installs one (Artifact
 * Registry in the {@code gcp} profile), so the step builds the same layers whether they end in a
 * local tarball or in a registry.
 */
public interface ImageTarget {
  /** A short description for logs, e.g. {@code artifact registry HOST/PROJECT/REPO/IMAGE}. */
  String describe();

  /** The full reference image {@code tag} gets, {@code HOST/PATH:TAG}. */
  String reference(String tag);

  /** The Jib target for {@code tag}, carrying the registry's credentials. */
  RegistryImage registryImage(String tag) throws InvalidImageReferenceException;

  /** The base image used when the step's {@code base_image} parameter is not set. */
  String defaultBaseImage();

  /** Whether plain-HTTP registries are allowed (only for loopback test registries). */
  default boolean allowInsecureRegistries() {
    return false;
  }
}
