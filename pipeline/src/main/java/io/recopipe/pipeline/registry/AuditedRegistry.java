package io.recopipe.pipeline.registry;

import io.recopipe.pipeline.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A registry that keeps no audit log of its own (the Vertex AI Model Registry) together with the
 * profile's audit log, so a gcp run's registration, promotion and serving mark, and a reviewer's
 * promotion or rollback on the gcp profile, leave exactly the entries the home's registry writes
 * for the same change ({@link PromotionEntries}): {@code register}; for a promotion a {@code
 * status} entry per version it retired, then {@code promote}; for a serving mark a {@code status}
 * entry per version it retired, then the version's own DEPLOYED {@code status}. Like the home's
 * registry it leaves {@link #setStatus} to the caller, who audits the decision behind it. The
 * registry and the log share no transaction, so each entry follows its change. A Vertex job's tasks
 * do not use it: a retried task must not write an entry twice, so they write the same entries
 * through {@code kfp.JobAudit}, which checks the log first.
 */
public final class AuditedRegistry implements ModelRegistry {
  private final ModelRegistry registry;
  private final AuditLog audit;
  private final Clock clock;

  /** {@code registry}, its changes audited to {@code audit} at {@code clock}'s time. */
  public AuditedRegistry(ModelRegistry registry, AuditLog audit, Clock clock) {
    this.registry = registry;
    this.audit = audit;
    this.clock = clock;
  }

  /** The log this registry's changes are audited to. */
  public AuditLog audit() {
    return audit;
  }

  @Override
  public RegisteredVersion register(RegisteredVersion draft, String actor) {
    RegisteredVersion v = registry.register(draft, actor);
    append(actor, List.of(PromotionEntries.register(v)));
    return v;
  }

  /**
   * Promotes through the wrapped registry and audits the versions this promotion retired (not those
   * an earlier promotion of the same version retired, e.g. before a rollback to it), then the move;
   * a version that is the champion already changes nothing and writes nothing.
   */
  @Override
  public void promote(String pipeline, int version, String actor, String reason, boolean served) {
    Optional<RegisteredVersion> champion = registry.alias(pipeline, CHAMPION);
    if (champion.isPresent() && champion.get().version() == version) {
      registry.promote(pipeline, version, actor, reason, served); // finishes a half-made move
      return;
    }
    List<Integer> before = registry.retiredFor(pipeline, version);
    registry.promote(pipeline, version, actor, reason, served);
    append(
        actor,
        PromotionEntries.of(
            newlyRetired(before, pipeline, version),
            pipeline,
            version,
            champion.map(RegisteredVersion::version),
            reason,
            served));
  }

  @Override
  public void markServing(String pipeline, int version, String actor) {
    if (registry
        .find(pipeline, version)
        .filter(v -> v.status() == VersionStatus.DEPLOYED)
        .isPresent()) {
      return;
    }
    List<Integer> before = registry.retiredFor(pipeline, version);
    registry.markServing(pipeline, version, actor);
    List<PromotionEntries.Entry> entries =
        new ArrayList<>(
            PromotionEntries.retirements(newlyRetired(before, pipeline, version), pipeline));
    entries.add(PromotionEntries.status(pipeline, version, VersionStatus.DEPLOYED));
    append(actor, entries);
  }

  private List<Integer> newlyRetired(List<Integer> before, String pipeline, int version) {
    return registry.retiredFor(pipeline, version).stream()
        .filter(retired -> !before.contains(retired))
        .toList();
  }

  private void append(String actor, List<PromotionEntries.Entry> entries) {
    Instant now = clock.instant();
    for (PromotionEntries.Entry e : entries) {
      audit.append(now, actor, e.action(), e.subject(), e.detail());
    }
  }

  /** Not audited: the caller audits the decision that changes the status. */
  @Override
  public void setStatus(String pipeline, int version, VersionStatus status, String actor) {
    registry.setStatus(pipeline, version, status, actor);
  }

  @Override
  public Optional<RegisteredVersion> find(String pipeline, int version) {
    return registry.find(pipeline, version);
  }

  @Override
  public Optional<RegisteredVersion> forRun(String pipeline, String runId) {
    return registry.forRun(pipeline, runId);
  }

  @Override
  public List<RegisteredVersion> list(String pipeline) {
    return registry.list(pipeline);
  }

  @Override
  public Optional<RegisteredVersion> alias(String pipeline, String alias) {
    return registry.alias(pipeline, alias);
  }

  @Override
  public Optional<String> servingImage(String pipeline, int version) {
    return registry.servingImage(pipeline, version);
  }

  @Override
  public void setImage(String pipeline, int version, String imageUri) {
    registry.setImage(pipeline, version, imageUri);
  }

  @Override
  public Optional<RegisteredVersion> withModelVersion(String pipeline, String modelVersion) {
    return registry.withModelVersion(pipeline, modelVersion);
  }

  @Override
  public List<Integer> retiredFor(String pipeline, int version) {
    return registry.retiredFor(pipeline, version);
  }

  @Override
  public List<AliasChange> history(String pipeline) {
    return registry.history(pipeline);
  }

  @Override
  public void close() {
    registry.close();
  }
}
