package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import io.recopipe.components.deploy.DeployTarget;
import io.recopipe.components.train.TrainingEngine;
import io.recopipe.infra.config.GcpConfig;
import io.recopipe.infra.config.GcpConfigException;
import io.recopipe.infra.config.GcpEnvironment;
import io.recopipe.infra.profile.GcpProfile;
import io.recopipe.infra.profile.GoogleCredentialsCheck;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Inside a Vertex task, the container environment turns the gcp profile on for one step. */
class ComponentCommandProfileTest {
  @AfterEach
  void restore() {
    ProfileOption.credentials = GoogleCredentialsCheck.APPLICATION_DEFAULT;
  }

  private static Map<String, String> env() {
    return GcpEnvironment.of(
        GcpConfig.from(
            Map.of(
                "gcp.project",
                "recopipe-demo",
                "gcp.region",
                "europe-west1",
                "gcp.dataset",
                "recopipe",
                "gcp.bucket",
                "recopipe-demo-artifacts",
                "gcp.repository",
                "recopipe",
                "gcp.service",
                "recommender",
                "gcp.pipeline_service_account",
                "pipeline@recopipe-demo.iam.gserviceaccount.com",
                "gcp.serving_service_account",
                "serving@recopipe-demo.iam.gserviceaccount.com"),
            "t"));
  }

  @Test
  void theContainerEnvironmentSelectsTheProfile() {
    assertNull(ComponentCommand.gcpProfile(Map.of("PATH", "/bin")), "local without the variable");
    ProfileOption.credentials = () -> GoogleCredentials.create(new AccessToken("t", null));
    try (GcpProfile profile = ComponentCommand.gcpProfile(env())) {
      assertEquals(
          "bigquery_ml", profile.services().get(TrainingEngine.class).orElseThrow().name());
      assertTrue(profile.services().get(DeployTarget.class).isPresent());
      assertEquals("recommender", profile.config().service());
    }
  }

  @Test
  void anIncompleteEnvironmentNamesWhatIsMissing() {
    Map<String, String> env = new HashMap<>(env());
    env.remove("RECOPIPE_GCP_BUCKET");
    GcpConfigException e =
        assertThrows(GcpConfigException.class, () -> ComponentCommand.gcpProfile(env));
    assertTrue(
        e.getMessage().contains("RECOPIPE_GCP_* environment")
            && e.getMessage().contains("gcp.bucket (missing"),
        e.getMessage());
  }
}
