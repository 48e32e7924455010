package io.recopipe.infra.terraform;

import static org.junit.jupiter.api.Assertions.fail;

import io.recopipe.infra.config.GcpConfig;
import java.util.List;
import java.util.Map;

/**
 * What an applied state of {@code terraform/} would hold for each expression its outputs and
 * conditions interpolate, and the gcp section that state stands for, so every test rendering the
 * module renders it against one state.
 */
final class SampleState {
  private static final Map<String, String> VALUES =
      Map.ofEntries(
          Map.entry("var.project", "recopipe-demo"),
          Map.entry("var.region", "europe-west4"),
          Map.entry("var.image", "mf-server"),
          Map.entry("google_bigquery_dataset.recopipe.dataset_id", "ratings_wh"),
          Map.entry("google_bigquery_dataset.recopipe.location", "EU"),
          Map.entry("google_bigquery_table.audit_log.table_id", "audit_log"),
          Map.entry("google_storage_bucket.recopipe.name", "recopipe-demo-artifacts"),
          Map.entry("google_storage_bucket.recopipe.url", "gs://recopipe-demo-artifacts"),
          Map.entry("google_artifact_registry_repository.recopipe.repository_id", "images"),
          Map.entry("google_cloud_run_v2_service.serving.name", "reco"),
          Map.entry(
              "google_service_account.pipeline.email",
              "rp-pipeline@recopipe-demo.iam.gserviceaccount.com"),
          Map.entry(
              "google_service_account.serving.email",
              "rp-serving@recopipe-demo.iam.gserviceaccount.com"),
          Map.entry(
              "jsonencode(var.invokers)",
              "[\"user:ana@example.com\",\"serviceAccount:app@recopipe-demo.iam"
                  + ".gserviceaccount.com\"]"));

  private SampleState() {}

  /** The value of {@code expression}; fails the test when the sample state lacks it. */
  static String valueOf(String expression) {
    String value = VALUES.get(expression);
    if (value == null) {
      fail("terraform/ interpolates ${" + expression + "}, which the sample state lacks");
    }
    return value;
  }

  /** The gcp section this state stands for, with {@code invokers}. */
  static GcpConfig config(List<String> invokers) {
    return new GcpConfig(
        "recopipe-demo",
        "europe-west4",
        "ratings_wh",
        "EU",
        "recopipe-demo-artifacts",
        "images",
        "mf-server",
        "reco",
        "rp-pipeline@recopipe-demo.iam.gserviceaccount.com",
        "rp-serving@recopipe-demo.iam.gserviceaccount.com",
        invokers);
  }
}
