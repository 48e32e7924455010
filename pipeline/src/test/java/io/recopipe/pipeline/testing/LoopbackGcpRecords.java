package io.recopipe.pipeline.testing;

import io.recopipe.components.api.Services;
import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.infra.gcs.GcsStub;
import io.recopipe.infra.vertex.FakeModelService;
import io.recopipe.pipeline.audit.BigQueryAuditLog;
import io.recopipe.pipeline.registry.AuditedRegistry;
import io.recopipe.pipeline.registry.vertex.VertexModelRegistry;
import io.recopipe.pipeline.review.BigQueryApprovals;
import io.recopipe.pipeline.review.LoopbackBigQueryTables;
import io.recopipe.pipeline.runner.RunProfiles;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The gcp profile's records over loopback servers: the Vertex AI Model Registry (the real client on
 * an in-process ModelService) audited to the BigQuery audit log, and the BigQuery approvals (the
 * real BigQuery client on a loopback BigQuery, the log's head anchored in a loopback Cloud
 * Storage), composed as the gcp profile composes them, so tests of a {@code run --profile gcp}'s
 * registry, approvals and audit share one setup.
 */
public final class LoopbackGcpRecords implements AutoCloseable {
  /** The pinned image every version is uploaded with. */
  public static final String IMAGE =
      "europe-west1-docker.pkg.dev/recopipe-demo/recopipe/recommender@sha256:" + "cd".repeat(32);

  /** The in-process ModelService. */
  public final FakeModelService vertex = new FakeModelService();

  /** The loopback BigQuery holding the audit log and approvals tables. */
  public final LoopbackBigQueryTables bq;

  /** The BigQuery audit log. */
  public final BigQueryAuditLog audit;

  /** The BigQuery approvals, audited to {@link #audit}. */
  public final BigQueryApprovals approvals;

  /** The Vertex AI Model Registry, its changes audited to {@link #audit}. */
  public final AuditedRegistry registry;

  private final GcsStub gcs;

  /** Starts the servers; {@code clock} times the registry's labels and audit entries. */
  public LoopbackGcpRecords(Clock clock) throws IOException {
    bq = new LoopbackBigQueryTables();
    gcs = new GcsStub();
    audit = bq.auditLog(gcs);
    approvals = bq.approvals(audit);
    registry =
        new AuditedRegistry(
            new VertexModelRegistry(
                vertex.client(),
                uri -> "gs://recopipe-demo-artifacts/artifacts/" + uri + "/",
                image -> IMAGE,
                clock),
            audit,
            clock);
  }

  /** A gcp run's profile: {@code warehouses}, {@code services} and these records. */
  public RunProfiles.Profile profile(Supplier<? extends Warehouse> warehouses, Services services) {
    return new RunProfiles.Profile(
        warehouses,
        services,
        Optional.of(registry),
        Optional.of(approvals),
        Optional.of(audit),
        Optional.empty());
  }

  @Override
  public void close() {
    vertex.close();
    bq.close();
    gcs.close();
  }
}
