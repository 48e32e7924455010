package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import io.recopipe.components.deploy.DeployTarget;
import io.recopipe.components.train.TrainingEngine;
import io.recopipe.infra.bigquery.BigQueryWarehouse;
import io.recopipe.infra.profile.GoogleCredentialsCheck;
import io.recopipe.pipeline.audit.BigQueryAuditLog;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.registry.AuditedRegistry;
import io.recopipe.pipeline.review.BigQueryApprovals;
import io.recopipe.pipeline.runner.RunProfiles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run keeps its profile: gcp runs get Google backends and records (registry, approvals, audit
 * log) from their own recorded parameters.
 */
class CliProfilesTest {
  @TempDir Path dir;

  @AfterEach
  void restore() {
    ProfileOption.credentials = GoogleCredentialsCheck.APPLICATION_DEFAULT;
  }

  private static Map<String, String> gcpRun() {
    Map<String, String> p =
        new HashMap<>(
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
                "serving@recopipe-demo.iam.gserviceaccount.com"));
    p.put(CliProfiles.GCP_ENABLED, "true");
    return p;
  }

  @Test
  void localRunsGetNoBackendsAndGcpRunsGetGoogleOnes() {
    ProfileOption.credentials = () -> GoogleCredentials.create(new AccessToken("t", null));
    try (CliProfiles profiles = new CliProfiles(RecopipeHome.at(dir))) {
      RunProfiles.Profile local = profiles.forRun(Map.of("train.num_factors", "8"));
      assertTrue(local.services().get(DeployTarget.class).isEmpty());

      RunProfiles.Profile gcp = profiles.forRun(gcpRun());
      assertEquals("bigquery_ml", gcp.services().get(TrainingEngine.class).orElseThrow().name());
      assertTrue(gcp.services().get(DeployTarget.class).isPresent());
      assertTrue(gcp.warehouses().get() instanceof BigQueryWarehouse);
      assertTrue(
          gcp.registry().orElseThrow() instanceof AuditedRegistry,
          "versions in Vertex AI, every change audited");
      assertTrue(gcp.approvals().orElseThrow() instanceof BigQueryApprovals);
      assertTrue(gcp.audit().orElseThrow() instanceof BigQueryAuditLog);
      assertTrue(local.approvals().isEmpty() && local.audit().isEmpty(), "the home's");
      assertSame(
          gcp.services().get(DeployTarget.class).orElseThrow(),
          profiles.forRun(gcpRun()).services().get(DeployTarget.class).orElseThrow(),
          "one profile per config, reused");
    }
  }
}
