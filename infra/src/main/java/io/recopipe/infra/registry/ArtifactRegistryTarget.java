package io.recopipe.infra.registry;

import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.RegistryImage;
import io.recopipe.components.packaging.ImageTarget;
import io.recopipe.infra.config.GcpConfig;
import io.recopipe.infra.config.GcpEndpoints;
import io.recopipe.model.error.InvalidInputException;

/**
 * Pushes the serving image to an Artifact Registry Docker repository ({@code
 * REGION-docker.pkg.dev/PROJECT/REPO/IMAGE:TAG}) over a distroless Java base with Application
 * Default Credentials, so Cloud Run can pull exactly the image the pipeline built.
 */
public final class ArtifactRegistryTarget implements ImageTarget {
  /** The default base: Java 17 on distroless Debian 12 (no shell, small attack surface). */
  public static final String DISTROLESS_JAVA17 = "gcr.io/distroless/java17-debian12";

  private final String repository;
  private final String baseImage;
  private final CredentialRetriever credentials;
  private final boolean allowInsecure;

  /**
   * A target pushing to {@code repository} ({@code HOST/PATH}, no tag), building on {@code
   * baseImage}, authenticating with {@code credentials}; {@code allowInsecure} only for loopback
   * test registries.
   */
  public ArtifactRegistryTarget(
      String repository, String baseImage, CredentialRetriever credentials, boolean allowInsecure) {
    if (!ImageReference.isValidRepository(repository.substring(repository.indexOf('/') + 1))
        || repository.indexOf('/') < 1) {
      throw new InvalidInputException(
          "image repository '"
              + repository
              + "' is not "
              + "HOST/PATH (e.g. europe-west1-docker.pkg.dev/PROJECT/REPO/IMAGE)");
    }
    this.repository = repository;
    this.baseImage = baseImage;
    this.credentials = credentials;
    this.allowInsecure = allowInsecure;
  }

  /** Appended to the serving image's repository for the pipeline image Vertex tasks run. */
  public static final String PIPELINE_SUFFIX = "-pipeline";

  /**
   * The pipeline image's target ({@code IMAGE-pipeline} next to the serving image), the one a
   * compiled Vertex spec runs by default.
   */
  public static ArtifactRegistryTarget pipelineImage(GcpConfig config) {
    return new ArtifactRegistryTarget(
        config.imageRepository() + PIPELINE_SUFFIX,
        DISTROLESS_JAVA17,
        AdcCredentialRetriever.applicationDefault(),
        false);
  }

  /** The target {@code config} describes: its repository, distroless base and ADC. */
  public static ArtifactRegistryTarget of(GcpConfig config) {
    return of(config, GcpEndpoints.GOOGLE);
  }

  /**
   * The serving image's target on the registry host {@code endpoints} names (an emulator or a
   * private registry; plain HTTP when the endpoints are plain text), else Artifact Registry.
   */
  public static ArtifactRegistryTarget of(GcpConfig config, GcpEndpoints endpoints) {
    String repository =
        endpoints
            .artifactRegistry()
            .map(
                host ->
                    host
                        + config.imageRepository().substring(config.imageRepository().indexOf('/')))
            .orElse(config.imageRepository());
    return new ArtifactRegistryTarget(
        repository,
        DISTROLESS_JAVA17,
        AdcCredentialRetriever.applicationDefault(),
        endpoints.plaintext());
  }

  @Override
  public String describe() {
    return "artifact registry " + repository;
  }

  @Override
  public String reference(String tag) {
    return repository + ":" + tag;
  }

  @Override
  public RegistryImage registryImage(String tag) throws InvalidImageReferenceException {
    return RegistryImage.named(ImageReference.parse(reference(tag)))
        .addCredentialRetriever(credentials);
  }

  @Override
  public String defaultBaseImage() {
    return baseImage;
  }

  @Override
  public boolean allowInsecureRegistries() {
    return allowInsecure;
  }
}
