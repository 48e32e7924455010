package io.recopipe.infra.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import io.recopipe.components.api.ArtifactMirror;
import io.recopipe.components.deploy.DeployTarget;
import io.recopipe.components.packaging.ImageTarget;
import io.recopipe.components.train.TrainingEngine;
import io.recopipe.infra.bigquery.BigQueryWarehouse;
import io.recopipe.infra.bigquery.BqmlTrainingEngine;
import io.recopipe.infra.config.DemoGcpConfig;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The gcp profile installs every backend without calling Google, and needs credentials first. */
class GcpProfileTest {
  @Test
  void installsTheWarehouseEngineMirrorImageAndDeployTargets() {
    GoogleCredentials fake = GoogleCredentials.create(new AccessToken("token", null));
    try (GcpProfile profile = GcpProfile.open(DemoGcpConfig.config(), () -> fake)) {
      assertEquals(
          BqmlTrainingEngine.NAME,
          profile.services().get(TrainingEngine.class).orElseThrow().name());
      assertTrue(profile.services().get(ArtifactMirror.class).isPresent());
      assertTrue(
          profile
              .services()
              .get(ImageTarget.class)
              .orElseThrow()
              .describe()
              .contains("europe-west1-docker.pkg.dev/recopipe-demo/recopipe/recopipe"),
          profile.services().get(ImageTarget.class).orElseThrow().describe());
      assertTrue(profile.services().get(DeployTarget.class).isPresent());
      assertTrue(profile.warehouses().get() instanceof BigQueryWarehouse);
      assertEquals("bigquery_ml", GcpProfile.PARAMETERS.get("train.engine"));
    }
  }

  @Test
  void noCredentialsIsOneLineWithTheFix() {
    GcpProfileException e =
        assertThrows(
            GcpProfileException.class,
            () ->
                GcpProfile.open(
                    DemoGcpConfig.config(),
                    () -> {
                      throw new IOException(
                          "The Application Default Credentials are not available.");
                    }));
    assertEquals(1, e.getMessage().lines().count());
    assertTrue(e.getMessage().contains("gcloud auth application-default login"), e.getMessage());
  }
}
