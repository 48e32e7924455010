package io.recopipe.pipeline.kfp;

import io.recopipe.components.api.ArtifactMirror;
import io.recopipe.infra.gcs.GcsArtifactMirror;
import io.recopipe.infra.gcs.GcsArtifactStore;
import io.recopipe.infra.vertex.VertexModelRegistryClient;
import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.vertex.VertexModelRegistry;
import io.recopipe.pipeline.review.Approvals;
import java.time.Clock;

/**
 * Where the tasks of a Vertex AI pipeline job keep model versions, their bundles and approval
 * requests (on the gcp profile: the Vertex AI Model Registry, the profile's Cloud Storage artifact
 * store and the BigQuery approvals table), handed to the job's containers as a service, so the
 * {@code register} task and the exit task use the same {@link ModelRegistry} and {@link Approvals}
 * interfaces as the local runner and the reviewer commands.
 *
 * @param registry the pipeline's model registry
 * @param approvals the approval requests under {@code promotion: review}
 * @param audit the audit log the job's registration and promotion are written to, with the actions
 *     and fields of a local run ({@link JobAudit})
 * @param bundles keeps the bundle of a version the {@code register} task registers, under the
 *     artifact URI {@code JOB/STEP/PORT} a local run gives it, and returns the URI the version
 *     records; on Vertex AI the artifact store, which outlives the pipeline root the task read it
 *     from ({@link #onVertex})
 * @param clock when requests are made and when they expire
 */
public record JobRegistry(
    ModelRegistry registry,
    Approvals approvals,
    AuditLog audit,
    ArtifactMirror bundles,
    Clock clock) {
  /** Who a Vertex job's versions and approval requests are attributed to. */
  public static final String ACTOR = "system:vertex-job";

  /**
   * The job registry of the gcp profile: versions in the Vertex AI Model Registry of {@code
   * models}, each with its bundle uploaded to {@code artifacts} ({@code
   * gs://BUCKET/artifacts/JOB/export/model/}, where {@code run --profile gcp} mirrors a run's
   * bundle) as its artifact, so the next job's gate can download the champion ({@link
   * ChampionSource#of}) however long ago it was promoted.
   */
  public static JobRegistry onVertex(
      VertexModelRegistryClient models,
      GcsArtifactStore artifacts,
      Approvals approvals,
      AuditLog audit,
      Clock clock) {
    return new JobRegistry(
        new VertexModelRegistry(models, uri -> uri, reference -> reference, clock),
        approvals,
        audit,
        new GcsArtifactMirror(artifacts),
        clock);
  }
}
