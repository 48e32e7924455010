package io.recopipe.infra.profile;

import com.google.auth.Credentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import io.recopipe.components.api.ArtifactMirror;
import io.recopipe.components.api.Services;
import io.recopipe.components.deploy.DeployTarget;
import io.recopipe.components.packaging.ImageTarget;
import io.recopipe.infra.cloudrun.CloudRunClients;
import io.recopipe.infra.cloudrun.CloudRunDeployTarget;
import io.recopipe.infra.config.GcpConfig;
import io.recopipe.infra.config.GcpEndpoints;
import io.recopipe.infra.gcs.GcsArtifactMirror;
import io.recopipe.infra.gcs.GcsArtifactStore;
import io.recopipe.infra.registry.ArtifactRegistryTarget;
import java.io.IOException;
import java.util.List;

/**
 * Installs the artifact mirror (GCS), the image target (Artifact Registry) and the deploy target
 * (Cloud Run) into a profile's {@link Services}; kept apart from {@link GcpProfile} so the serving
 * side can change without touching the warehouse and the trainer.
 */
final class CloudBackends {
  /** The object prefix artifacts are mirrored under, inside the configured bucket. */
  static final String ARTIFACTS_PREFIX = "artifacts";

  private CloudBackends() {}

  /** The store committed artifacts are mirrored to: {@code gs://BUCKET/artifacts/}. */
  static GcsArtifactStore artifactStore(
      GcpConfig config, GcpEndpoints endpoints, Credentials credentials) {
    return new GcsArtifactStore(
        storage(config, endpoints, credentials), config.bucket(), ARTIFACTS_PREFIX);
  }

  /** A Cloud Storage client of the config's project, on the endpoint override if there is one. */
  static Storage storage(GcpConfig config, GcpEndpoints endpoints, Credentials credentials) {
    StorageOptions.Builder options =
        StorageOptions.newBuilder().setProjectId(config.project()).setCredentials(credentials);
    endpoints.storage().ifPresent(options::setHost);
    return options.build().getService();
  }

  static Services install(
      Services services,
      GcpConfig config,
      GcpEndpoints endpoints,
      Credentials credentials,
      GcsArtifactStore store,
      List<AutoCloseable> closeables) {
    CloudRunClients cloudRun;
    try {
      cloudRun =
          CloudRunClients.create(
              GcpProfile.credentialsProvider(endpoints, credentials),
              endpoints.cloudRun(),
              endpoints.plaintext());
    } catch (IOException e) {
      throw new GcpProfileException("cannot create the Cloud Run clients: " + e.getMessage());
    }
    closeables.add(cloudRun);
    return services
        .with(ArtifactMirror.class, new GcsArtifactMirror(store))
        .with(ImageTarget.class, ArtifactRegistryTarget.of(config, endpoints))
        .with(DeployTarget.class, CloudRunDeployTarget.of(config, cloudRun));
  }
}
