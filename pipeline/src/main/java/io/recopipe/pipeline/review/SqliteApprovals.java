package io.recopipe.pipeline.review;

import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.metadata.Timestamps;
import io.recopipe.pipeline.registry.ModelRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The home's approvals in its SQLite {@code approvals} table; each state change is written together
 * with its audit entry in one transaction, which {@link #atomically} widens to the registry
 * version's status change (see {@link ApprovalDecisions}), so the three never disagree.
 */
public final class SqliteApprovals implements Approvals {
  private static final String COLUMNS =
      "pipeline, version, run_id, state, requested_at,"
          + " expires_at, started_by, decided_by, decided_at, comment";

  private final MetadataStore store;

  /** Approvals in {@code store}. */
  public SqliteApprovals(MetadataStore store) {
    this.store = store;
  }

  /**
   * Runs {@code work} in one {@code BEGIN IMMEDIATE} transaction of this store's database: writes
   * and reads inside it, through this store or another over the same file, join it (see {@link
   * MetadataStore}); a {@link ReviewException} or runtime exception from {@code work} rolls all of
   * it back.
   */
  @Override
  public <T> T atomically(Work<T> work) throws ReviewException {
    try {
      return store.write(
          c -> {
            try {
              return work.run();
            } catch (ReviewException e) {
              throw new Refused(e);
            }
          });
    } catch (Refused refused) {
      throw (ReviewException) refused.getCause();
    }
  }

  /** Carries a refusal out of the transaction it rolled back. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(ReviewException refusal) {
      super(refusal.getMessage(), refusal, false, false);
    }
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
    store.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO approvals ("
                      + COLUMNS
                      + ") VALUES (?, ?, ?, 'PENDING', ?, ?, ?, NULL, NULL, NULL)")) {
            ps.setString(1, pipeline);
            ps.setInt(2, version);
            ps.setString(3, runId);
            ps.setString(4, Timestamps.format(now));
            ps.setString(5, Timestamps.format(expiresAt));
            ps.setString(6, startedBy);
            ps.executeUpdate();
          }
          Map<String, String> detail = new LinkedHashMap<>();
          detail.put("run_id", runId);
          detail.put("started_by", startedBy);
          detail.put("expires_at", expiresAt.toString());
          if (!reasons.isEmpty()) {
            detail.put("review_required", String.join("; ", reasons));
          }
          return AuditLog.append(
              c,
              now,
              "system:runner",
              "request_approval",
              ModelRegistry.subject(pipeline, version),
              detail);
        });
    return find(pipeline, version).orElseThrow();
  }

  @Override
  public Optional<Approval> find(String pipeline, int version) {
    return store.read(c -> first(c, "WHERE pipeline = ? AND version = ?", pipeline, version));
  }

  @Override
  public Optional<Approval> forRun(String runId) {
    return store.read(c -> first(c, "WHERE run_id = ?", runId));
  }

  @Override
  public List<Approval> inState(String pipeline, ApprovalState state) {
    return store.read(
        c ->
            query(
                c,
                "WHERE pipeline = ? AND state = ? ORDER BY requested_at," + " version",
                pipeline,
                state.name()));
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
    Optional<Approval> before =
        store.write(
            c -> {
              Optional<Approval> current =
                  first(c, "WHERE pipeline = ? AND version = ?", pipeline, version);
              if (current.isEmpty() || current.get().state() != ApprovalState.PENDING) {
                return current;
              }
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "UPDATE approvals SET state = ?,"
                          + " decided_by = ?, decided_at = ?, comment = ? WHERE pipeline = ? AND version = ?"
                          + " AND state = 'PENDING'")) {
                ps.setString(1, decision.name());
                ps.setString(2, actor);
                ps.setString(3, Timestamps.format(now));
                ps.setString(4, comment);
                ps.setString(5, pipeline);
                ps.setInt(6, version);
                ps.executeUpdate();
              }
              Map<String, String> detail = new LinkedHashMap<>();
              detail.put("run_id", current.get().runId());
              detail.put("comment", comment == null ? "" : comment);
              AuditLog.append(c, now, actor, Approvals.action(decision), subject, detail);
              return current;
            });
    if (before.isEmpty()) {
      throw new ReviewException(
          ReviewException.Kind.NOT_FOUND,
          subject
              + " has no approval request (only runs with promotion.policy=review wait for one)");
    }
    Approval was = before.get();
    if (was.state() != ApprovalState.PENDING) {
      throw new ReviewException(
          ReviewException.Kind.CONFLICT,
          subject
              + " was already "
              + was.state().name().toLowerCase(Locale.ROOT)
              + was.decidedBy().map(by -> " by " + by).orElse("")
              + was.decidedAt().map(at -> " at " + at).orElse("")
              + "; nothing changed");
    }
    return find(pipeline, version).orElseThrow();
  }

  private static Optional<Approval> first(Connection c, String where, Object... args)
      throws SQLException {
    return query(c, where, args).stream().findFirst();
  }

  private static List<Approval> query(Connection c, String where, Object... args)
      throws SQLException {
    List<Approval> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM approvals " + where)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Approval(
                  rs.getString(1),
                  rs.getInt(2),
                  rs.getString(3),
                  ApprovalState.valueOf(rs.getString(4)),
                  Timestamps.parse(rs.getString(5)),
                  Timestamps.parse(rs.getString(6)),
                  rs.getString(7),
                  Optional.ofNullable(rs.getString(8)),
                  Optional.ofNullable(Timestamps.parse(rs.getString(9))),
                  Optional.ofNullable(rs.getString(10))));
        }
      }
    }
    return out;
  }
}
