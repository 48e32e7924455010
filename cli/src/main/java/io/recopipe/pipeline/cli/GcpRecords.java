package io.recopipe.pipeline.cli;

import io.recopipe.infra.profile.GcpProfile;
import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.audit.BigQueryAuditLog;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.registry.AuditedRegistry;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.vertex.VertexModelRegistry;
import io.recopipe.pipeline.review.Approvals;
import io.recopipe.pipeline.review.BigQueryApprovals;
import io.recopipe.pipeline.runner.ChampionBundles;
import java.time.Clock;

/**
 * The gcp profile's registry, approvals and audit log, composed here and nowhere else, so a run
 * started with {@code run --profile gcp} and the reviewer commands and review page with {@code
 * --profile gcp} read and write the same records: versions in the Vertex AI Model Registry with
 * every change audited to the BigQuery audit log, approvals in the BigQuery approvals table.
 *
 * @param registry the Vertex AI Model Registry, its changes audited to {@code audit}
 * @param approvals the BigQuery approvals, audited to {@code audit}
 * @param audit the BigQuery audit log
 * @param champions the bundle of a champion {@code registry} names (a Vertex AI job's, another
 *     machine's), downloaded from the artifact store
 */
record GcpRecords(
    ModelRegistry registry, Approvals approvals, AuditLog audit, ChampionBundles champions) {
  /** The records of {@code profile}; bundles and images are found in {@code home}'s artifacts. */
  static GcpRecords of(GcpProfile profile, RecopipeHome home) {
    AuditLog audit = BigQueryAuditLog.of(profile);
    return new GcpRecords(
        new AuditedRegistry(
            VertexModelRegistry.forProfile(profile, home.artifacts()), audit, Clock.systemUTC()),
        new BigQueryApprovals(profile.approvalTable(), audit),
        audit,
        ChampionBundles.of(profile.champions()));
  }
}
