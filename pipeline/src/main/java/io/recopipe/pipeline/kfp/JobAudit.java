package io.recopipe.pipeline.kfp;

import io.recopipe.model.io.Json;
import io.recopipe.pipeline.audit.AuditEntry;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.PromotionEntries;
import io.recopipe.pipeline.registry.RegisteredVersion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The audit entries of a Vertex job's {@code register} task and of its exit task's promotion, so
 * the gcp audit log says who registered and promoted what exactly as a local run's SQLite log does
 * ({@code register} with run, content and bundle hash; under auto a {@code status} entry for each
 * version the promotion retired, then {@code promote} with from, to, reason and status: {@link
 * PromotionEntries}). The registry and the audit log share no transaction, so an entry follows its
 * change, and each entry is written once per job: a retried task that finds its change made already
 * appends an entry only when the log lacks it ({@code register} and {@code promote}: no entry of
 * that action for the version yet; {@code status}: no equal entry since the job's {@code register}
 * entry).
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
    append(List.of(PromotionEntries.register(v)), v.version(), retried);
  }

  /**
   * Audits that {@code version} became the champion after {@code from} (the champion before it,
   * empty when there was none) and the versions that retired with it; {@code retried}: the version
   * was champion already when the task started.
   */
  void promoted(
      int version, Optional<Integer> from, String reason, boolean served, boolean retried) {
    append(
        PromotionEntries.of(jobs.registry(), pipeline, version, from, reason, served),
        version,
        retried);
  }

  private void append(List<PromotionEntries.Entry> entries, int version, boolean retried) {
    List<AuditEntry> log = retried ? jobs.audit().list() : List.of();
    String registered = ModelRegistry.subject(pipeline, version);
    long since =
        log.stream()
            .filter(
                e -> e.action().equals(PromotionEntries.REGISTER) && e.subject().equals(registered))
            .mapToLong(AuditEntry::seq)
            .max()
            .orElse(0);
    Instant now = jobs.clock().instant();
    for (PromotionEntries.Entry entry : entries) {
      if (log.stream().anyMatch(e -> same(e, entry, since))) {
        continue;
      }
      jobs.audit().append(now, JobRegistry.ACTOR, entry.action(), entry.subject(), entry.detail());
    }
  }

  /** Whether {@code logged} is {@code entry}, written by this job ({@code since} its register). */
  private static boolean same(AuditEntry logged, PromotionEntries.Entry entry, long since) {
    if (!logged.action().equals(entry.action()) || !logged.subject().equals(entry.subject())) {
      return false;
    }
    if (!entry.action().equals(PromotionEntries.STATUS)) {
      return true;
    }
    return logged.seq() > since
        && logged.actor().equals(JobRegistry.ACTOR)
        && Json.parse(logged.detail()).path("status").asText().equals(entry.detail().get("status"));
  }
}
