package io.recopipe.pipeline.review;

import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.infra.bigquery.BigQueryApprovalTable;
import io.recopipe.model.error.OperationFailedException;
import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.metadata.Timestamps;
import io.recopipe.pipeline.registry.ModelRegistry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The gcp profile's approvals: a state table in BigQuery changed only by conditional DML, and an
 * audit entry for every change in the BigQuery audit log. BigQuery has no transaction spanning a
 * DML job and the audit's compare-and-append, so the state changes first (the compare-and-set that
 * picks the one winning decision) and is undone when its audit entry cannot be written: no decision
 * stands unaudited.
 */
public final class BigQueryApprovals implements Approvals {
  private final BigQueryApprovalTable table;
  private final AuditLog audit;

  /** Approvals in {@code table}, audited to {@code audit}. */
  public BigQueryApprovals(BigQueryApprovalTable table, AuditLog audit) {
    this.table = table;
    this.audit = audit;
  }

  @Override
  public Approval request(
      String pipeline,
      int version,
      String runId,
      String startedBy,
      Instant now,
      Instant expiresAt,
      List<String> reasons) {
    String subject = ModelRegistry.subject(pipeline, version);
    BigQueryApprovalTable.Row row =
        new BigQueryApprovalTable.Row(
            pipeline,
            version,
            runId,
            ApprovalState.PENDING.name(),
            Timestamps.format(now),
            Timestamps.format(expiresAt),
            startedBy,
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    try {
      if (!table.insert(row)) {
        throw new OperationFailedException(subject + " already has an approval request");
      }
      Map<String, String> detail = new LinkedHashMap<>();
      detail.put("run_id", runId);
      detail.put("started_by", startedBy);
      detail.put("expires_at", expiresAt.toString());
      if (!reasons.isEmpty()) {
        detail.put("review_required", String.join("; ", reasons));
      }
      try {
        audit.append(now, "system:runner", "request_approval", subject, detail);
      } catch (RuntimeException e) {
        table.withdraw(pipeline, version);
        throw e;
      }
    } catch (WarehouseException e) {
      throw failure("request approval of " + subject, e);
    }
    return find(pipeline, version).orElseThrow();
  }

  @Override
  public Optional<Approval> find(String pipeline, int version) {
    try {
      return table.find(pipeline, version).map(BigQueryApprovals::approval);
    } catch (WarehouseException e) {
      throw failure("read the approval of " + ModelRegistry.subject(pipeline, version), e);
    }
  }

  @Override
  public Optional<Approval> forRun(String runId) {
    try {
      return table.forRun(runId).map(BigQueryApprovals::approval);
    } catch (WarehouseException e) {
      throw failure("read the approval of run " + runId, e);
    }
  }

  @Override
  public List<Approval> inState(String pipeline, ApprovalState state) {
    try {
      return table.inState(pipeline, state.name()).stream()
          .map(BigQueryApprovals::approval)
          .toList();
    } catch (WarehouseException e) {
      throw failure("read the approvals of " + pipeline, e);
    }
  }

  @Override
  public Approval decide(
      String pipeline,
      int version,
      ApprovalState decision,
      String actor,
      String comment,
      Instant now)
      throws ReviewException {
    if (decision == ApprovalState.PENDING) {
      throw new IllegalArgumentException("a decision cannot be PENDING");
    }
    String subject = ModelRegistry.subject(pipeline, version);
    String at = Timestamps.format(now);
    try {
      boolean won =
          table.transition(
              pipeline,
              version,
              ApprovalState.PENDING.name(),
              decision.name(),
              Optional.of(actor),
              Optional.of(at),
              Optional.ofNullable(comment));
      if (!won) {
        Optional<Approval> current = find(pipeline, version);
        if (current.isEmpty()) {
          throw new ReviewException(
              ReviewException.Kind.NOT_FOUND,
              subject
                  + " has no approval request (only runs with promotion.policy=review wait for"
                  + " one)");
        }
        Approval was = current.get();
        throw new ReviewException(
            ReviewException.Kind.CONFLICT,
            subject
                + " was already "
                + was.state().name().toLowerCase(Locale.ROOT)
                + was.decidedBy().map(by -> " by " + by).orElse("")
                + was.decidedAt().map(when -> " at " + when).orElse("")
                + "; nothing changed");
      }
      Approval decided = find(pipeline, version).orElseThrow();
      Map<String, String> detail = new LinkedHashMap<>();
      detail.put("run_id", decided.runId());
      detail.put("comment", comment == null ? "" : comment);
      try {
        audit.append(now, actor, Approvals.action(decision), subject, detail);
      } catch (RuntimeException e) {
        table.transition(
            pipeline,
            version,
            decision.name(),
            ApprovalState.PENDING.name(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
        throw e;
      }
      return decided;
    } catch (WarehouseException e) {
      throw failure("decide the approval of " + subject, e);
    }
  }

  private static Approval approval(BigQueryApprovalTable.Row r) {
    return new Approval(
        r.pipeline(),
        Math.toIntExact(r.version()),
        r.runId(),
        ApprovalState.valueOf(r.state()),
        Timestamps.parse(r.requestedAt()),
        Timestamps.parse(r.expiresAt()),
        r.startedBy(),
        r.decidedBy(),
        r.decidedAt().map(Timestamps::parse),
        r.comment());
  }

  private static OperationFailedException failure(String what, WarehouseException e) {
    return new OperationFailedException("cannot " + what + " in BigQuery: " + e.getMessage(), e);
  }
}
