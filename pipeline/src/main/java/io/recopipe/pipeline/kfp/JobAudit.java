package io.recopipe.pipeline.kfp;

import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.registry.VersionStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The audit entries of a Vertex job's {@code register} task, so the gcp audit log says who
 * registered and promoted what exactly as a local run's SQLite log does ({@code register} with run,
 * content and bundle hash; {@code promote} with from, to, reason and status). The registry and the
 * audit log share no transaction, so an entry follows its change: a retried task that finds its
 * change made already appends the entry only when the log has none for that action and version yet,
 * and each action is audited once per job.
 */
final class JobAudit {
  private final String pipeline;
  private final JobRegistry jobs;

  JobAudit(String pipeline, JobRegistry jobs) {
    this.pipeline = pipeline;
    this.jobs = jobs;
  }

  /** Audits {@code v}'s registration; {@code retried}: the version was found, not registered. */
  void registered(RegisteredVersion v, boolean retried) {
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("run_id", v.runId());
    detail.put("model_version", v.modelVersion());
    detail.put("bundle_sha256", v.bundleSha256());
    append("register", v.version(), detail, retried);
  }

  /**
   * Audits that {@code version} became the champion after {@code from} (the champion before it,
   * empty when there was none); {@code retried}: the version was champion already when the task
   * started.
   */
  void promoted(
      int version, Optional<Integer> from, String reason, boolean served, boolean retried) {
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("from", from.map(String::valueOf).orElse(""));
    detail.put("to", String.valueOf(version));
    detail.put("reason", reason);
    detail.put("status", (served ? VersionStatus.DEPLOYED : VersionStatus.PROMOTED).name());
    append("promote", version, detail, retried);
  }

  private void append(String action, int version, Map<String, String> detail, boolean retried) {
    String subject = ModelRegistry.subject(pipeline, version);
    if (retried
        && jobs.audit().list().stream()
            .anyMatch(e -> e.action().equals(action) && e.subject().equals(subject))) {
      return;
    }
    jobs.audit().append(jobs.clock().instant(), JobRegistry.ACTOR, action, subject, detail);
  }
}
