package io.recopipe.infra.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import io.recopipe.infra.config.GcpConfig;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArtifactRegistryTargetTest {
  private static final Map<String, String> GCP =
      Map.of(
          "gcp.project",
          "my-project",
          "gcp.region",
          "europe-west1",
          "gcp.dataset",
          "recs",
          "gcp.bucket",
          "my-bucket",
          "gcp.repository",
          "recopipe",
          "gcp.service",
          "recs",
          "gcp.pipeline_service_account",
          "pipeline@my-project.iam.gserviceaccount.com",
          "gcp.serving_service_account",
          "serving@my-project.iam.gserviceaccount.com");

  @Test
  void configNamesTheArtifactRegistryImageAndDistrolessBase() throws Exception {
    ArtifactRegistryTarget target = ArtifactRegistryTarget.of(GcpConfig.from(GCP, "t.yaml"));

    assertEquals(
        "europe-west1-docker.pkg.dev/my-project/recopipe/recopipe:model-0123",
        target.reference("model-0123"));
    ImageReference ref = ImageReference.parse(target.reference("model-0123"));
    assertEquals("europe-west1-docker.pkg.dev", ref.getRegistry());
    assertEquals("my-project/recopipe/recopipe", ref.getRepository());
    assertEquals("model-0123", ref.getTag().orElseThrow());
    assertEquals("gcr.io/distroless/java17-debian12", target.defaultBaseImage());
    assertFalse(target.allowInsecureRegistries());
    target.registryImage("model-0123");
  }

  @Test
  void accessTokenIsSentAsTheOauth2accesstokenUser() throws Exception {
    GoogleCredentials fixed =
        GoogleCredentials.create(
            new AccessToken("ya29.token", Date.from(Instant.now().plusSeconds(3600))));

    Credential credential = new AdcCredentialRetriever(() -> fixed).retrieve().orElseThrow();

    assertEquals("oauth2accesstoken", credential.getUsername());
    assertEquals("ya29.token", credential.getPassword());
  }

  @Test
  void missingCredentialsFailInOneLineSayingWhatToDo() {
    CredentialRetrievalException e =
        assertThrows(
            CredentialRetrievalException.class,
            () ->
                new AdcCredentialRetriever(
                        () -> {
                          throw new IOException(
                              "The Application Default Credentials are not available.");
                        })
                    .retrieve());

    assertTrue(
        e.getCause()
            .getMessage()
            .startsWith(
                "cannot get an access token from "
                    + "Application Default Credentials (run `gcloud auth application-default login`"),
        e.getCause().getMessage());
  }

  @Test
  void repositoryWithoutHostIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ArtifactRegistryTarget(
                "recopipe",
                ArtifactRegistryTarget.DISTROLESS_JAVA17,
                () -> java.util.Optional.empty(),
                false));
  }
}
