package io.recopipe.pipeline.kfp;

import io.recopipe.model.error.InvalidInputException;
import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.review.Approvals;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;

/**
 * Where the tasks of a Vertex AI pipeline job keep model versions and approval requests (on the gcp
 * profile: the Vertex AI Model Registry and the BigQuery approvals table), handed to the job's
 * containers as a service, so the {@code register} task and the exit task use the same {@link
 * ModelRegistry} and {@link Approvals} interfaces as the local runner and the reviewer commands.
 *
 * @param registry the pipeline's model registry
 * @param approvals the approval requests under {@code promotion: review}
 * @param audit the audit log the job's registration and promotion are written to, with the actions
 *     and fields of a local run ({@link JobAudit})
 * @param artifactUri the URI a version records for a task's local artifact path (on Vertex AI: the
 *     {@code gs://} URI of a {@code /gcs/} path, see {@link #gcsUri})
 * @param clock when requests are made and when they expire
 */
public record JobRegistry(
    ModelRegistry registry,
    Approvals approvals,
    AuditLog audit,
    Function<Path, String> artifactUri,
    Clock clock) {
  /** Who a Vertex job's versions and approval requests are attributed to. */
  public static final String ACTOR = "system:vertex-job";

  private static final String MOUNT = "/gcs/";

  /**
   * The {@code gs://BUCKET/KEY} URI of {@code path}, a task's artifact path under Cloud Storage
   * FUSE: KFP's launcher hands a {@code gs://BUCKET/KEY} artifact to the container as {@code
   * /gcs/BUCKET/KEY}.
   */
  public static String gcsUri(Path path) {
    String text = path.toAbsolutePath().normalize().toString();
    if (!text.startsWith(MOUNT) || text.length() == MOUNT.length()) {
      throw new InvalidInputException(
          path
              + " is not a Cloud Storage artifact (a Vertex AI task sees them under "
              + MOUNT
              + ")");
    }
    return "gs://" + text.substring(MOUNT.length());
  }
}
