package io.recopipe.pipeline.registry;

import io.recopipe.model.error.InvalidInputException;
import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.metadata.MetadataStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The model registry in a home's metadata store: numbered versions per pipeline, the {@value
 * #CHAMPION} and {@value #PREVIOUS} aliases, and the full history of every alias move (who, when,
 * why, from → to), each move audited in the same transaction, so the question "which version was in
 * production, and who put it there" always has an answer.
 */
public final class SqliteModelRegistry implements ModelRegistry {
  private final MetadataStore store;
  private final Clock clock;
  private final boolean ownsStore;

  /** A registry over {@code store} on the system clock. */
  public SqliteModelRegistry(MetadataStore store) {
    this(store, Clock.systemUTC());
  }

  /** A registry over {@code store} that timestamps with {@code clock}. */
  public SqliteModelRegistry(MetadataStore store, Clock clock) {
    this(store, clock, false);
  }

  private SqliteModelRegistry(MetadataStore store, Clock clock, boolean ownsStore) {
    this.store = store;
    this.clock = clock;
    this.ownsStore = ownsStore;
  }

  /**
   * A registry over its own connection to the metadata database {@code file} (closed with the
   * registry), for a composer that needs the registry beside a runner of the same home.
   */
  public static SqliteModelRegistry open(Path file) {
    return new SqliteModelRegistry(MetadataStore.open(file), Clock.systemUTC(), true);
  }

  /**
   * Registers {@code draft} under the next version number of its pipeline (the draft's own number
   * is ignored) and returns it; audited as {@code register} by {@code actor}.
   */
  @Override
  public RegisteredVersion register(RegisteredVersion draft, String actor) {
    return store.write(
        c -> {
          int next;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE pipeline = ?")) {
            ps.setString(1, draft.pipeline());
            try (ResultSet rs = ps.executeQuery()) {
              next = rs.next() ? rs.getInt(1) : 1;
            }
          }
          RegisteredVersion v =
              new RegisteredVersion(
                  draft.pipeline(),
                  next,
                  draft.runId(),
                  draft.modelVersion(),
                  draft.bundleUri(),
                  draft.bundleSha256(),
                  draft.imageUri(),
                  draft.dataFingerprint(),
                  draft.options(),
                  draft.metrics(),
                  draft.gateDecision(),
                  draft.blessed(),
                  draft.status(),
                  draft.createdAt());
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO model_versions ("
                      + RegisteredVersionRows.COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            RegisteredVersionRows.bind(ps, v);
            ps.executeUpdate();
          }
          PromotionEntries.Entry entry = PromotionEntries.register(v);
          AuditLog.append(
              c, clock.instant(), actor, entry.action(), entry.subject(), entry.detail());
          return v;
        });
  }

  /** Version {@code version} of {@code pipeline}. */
  @Override
  public Optional<RegisteredVersion> find(String pipeline, int version) {
    return first(
        "SELECT "
            + RegisteredVersionRows.COLUMNS
            + " FROM model_versions WHERE pipeline = ? AND version = ?",
        pipeline,
        version);
  }

  @Override
  public Optional<RegisteredVersion> forRun(String pipeline, String runId) {
    return first(
        "SELECT "
            + RegisteredVersionRows.COLUMNS
            + " FROM model_versions WHERE pipeline = ? AND run_id = ?",
        pipeline,
        runId);
  }

  /** Every version of {@code pipeline}, newest first. */
  @Override
  public List<RegisteredVersion> list(String pipeline) {
    return query(
        "SELECT "
            + RegisteredVersionRows.COLUMNS
            + " FROM model_versions WHERE pipeline = ? ORDER BY version DESC",
        pipeline);
  }

  /** The version {@code alias} points at. */
  @Override
  public Optional<RegisteredVersion> alias(String pipeline, String alias) {
    return first(
        "SELECT "
            + prefixed("v")
            + " FROM aliases a JOIN model_versions v"
            + " ON v.pipeline = a.pipeline AND v.version = a.version"
            + " WHERE a.pipeline = ? AND a.alias = ?",
        pipeline,
        alias);
  }

  /** Records the image that packages {@code version} (the package step's IMAGE artifact URI). */
  @Override
  public void setImage(String pipeline, int version, String imageUri) {
    store.write(
        c ->
            update(
                c,
                "UPDATE model_versions SET image_uri = ?" + " WHERE pipeline = ? AND version = ?",
                imageUri,
                pipeline,
                version));
  }

  /**
   * Sets the status of {@code version} as a decision's consequence (see {@link
   * ModelRegistry#setStatus}); inside a caller's write on this database it joins that transaction.
   */
  @Override
  public void setStatus(String pipeline, int version, VersionStatus status, String actor) {
    store.write(
        c -> {
          setStatus(c, pipeline, version, status);
          return null;
        });
  }

  /** Sets the status inside the caller's transaction (for repositories that change it too). */
  public static void setStatus(Connection c, String pipeline, int version, VersionStatus status)
      throws SQLException {
    int changed =
        update(
            c,
            "UPDATE model_versions SET status = ? WHERE pipeline = ? AND" + " version = ?",
            status.name(),
            pipeline,
            version);
    if (changed != 1) {
      throw new SQLException("no model version " + ModelRegistry.subject(pipeline, version));
    }
  }

  /**
   * Makes {@code version} the champion and the old champion {@code previous}, recording both moves,
   * the status change and an audit entry in one transaction. {@code served}: the version now serves
   * the endpoint (DEPLOYED, and the version it replaces RETIRED), else it is champion without
   * serving (PROMOTED; the version that serves keeps serving and stays DEPLOYED).
   *
   * @throws IllegalArgumentException when the version does not exist
   */
  @Override
  public void promote(String pipeline, int version, String actor, String reason, boolean served) {
    if (find(pipeline, version).isEmpty()) {
      throw new InvalidInputException(
          "no model version " + ModelRegistry.subject(pipeline, version));
    }
    store.write(
        c -> {
          Instant now = clock.instant();
          Optional<Integer> old = AliasMoves.current(c, pipeline, CHAMPION);
          if (old.isPresent() && old.get() == version) {
            return null;
          }
          AliasMoves.move(c, pipeline, CHAMPION, old, version, actor, now, reason);
          if (old.isPresent()) {
            AliasMoves.move(
                c,
                pipeline,
                PREVIOUS,
                AliasMoves.current(c, pipeline, PREVIOUS),
                old.get(),
                actor,
                now,
                reason);
            if (status(c, pipeline, old.get()) == VersionStatus.PROMOTED) {
              changeStatus(c, pipeline, old.get(), VersionStatus.RETIRED, actor, now);
            }
          }
          if (served) {
            retireServing(c, pipeline, version, actor, now);
          }
          setStatus(c, pipeline, version, served ? VersionStatus.DEPLOYED : VersionStatus.PROMOTED);
          AuditLog.append(
              c,
              now,
              actor,
              PromotionEntries.PROMOTE,
              ModelRegistry.subject(pipeline, version),
              PromotionEntries.promoteDetail(old, version, reason, served));
          return null;
        });
  }

  /**
   * Records that the champion {@code version} now serves (it was PROMOTED, e.g. an identical rerun
   * deployed it): DEPLOYED, and the version that served before RETIRED, audited.
   */
  @Override
  public void markServing(String pipeline, int version, String actor) {
    store.write(
        c -> {
          if (status(c, pipeline, version) == VersionStatus.DEPLOYED) {
            return null;
          }
          Instant now = clock.instant();
          retireServing(c, pipeline, version, actor, now);
          changeStatus(c, pipeline, version, VersionStatus.DEPLOYED, actor, now);
          return null;
        });
  }

  /**
   * The version of {@code pipeline} whose bundle content is {@code modelVersion} (the first
   * registered, should there be several from before content versions).
   */
  @Override
  public Optional<RegisteredVersion> withModelVersion(String pipeline, String modelVersion) {
    return first(
        "SELECT "
            + RegisteredVersionRows.COLUMNS
            + " FROM model_versions WHERE pipeline = ?"
            + " AND model_version = ? ORDER BY version LIMIT 1",
        pipeline,
        modelVersion);
  }

  /** Every DEPLOYED version of {@code pipeline} other than {@code version} becomes RETIRED. */
  private static void retireServing(
      Connection c, String pipeline, int version, String actor, Instant now) throws SQLException {
    List<Integer> serving = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT version FROM model_versions"
                + " WHERE pipeline = ? AND status = ? AND version <> ? ORDER BY version")) {
      ps.setString(1, pipeline);
      ps.setString(2, VersionStatus.DEPLOYED.name());
      ps.setInt(3, version);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          serving.add(rs.getInt(1));
        }
      }
    }
    for (int replaced : serving) {
      changeStatus(c, pipeline, replaced, VersionStatus.RETIRED, actor, now);
    }
  }

  private static void changeStatus(
      Connection c, String pipeline, int version, VersionStatus status, String actor, Instant now)
      throws SQLException {
    setStatus(c, pipeline, version, status);
    AuditLog.append(
        c,
        now,
        actor,
        PromotionEntries.STATUS,
        ModelRegistry.subject(pipeline, version),
        PromotionEntries.statusDetail(status));
  }

  private static VersionStatus status(Connection c, String pipeline, int version)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT status FROM model_versions WHERE pipeline = ? AND version = ?")) {
      ps.setString(1, pipeline);
      ps.setInt(2, version);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("no model version " + ModelRegistry.subject(pipeline, version));
        }
        return VersionStatus.valueOf(rs.getString(1));
      }
    }
  }

  /** Every alias move of {@code pipeline}, newest first. */
  @Override
  public List<AliasChange> history(String pipeline) {
    return store.read(c -> AliasMoves.history(c, pipeline));
  }

  private Optional<RegisteredVersion> first(String sql, Object... args) {
    return query(sql, args).stream().findFirst();
  }

  private List<RegisteredVersion> query(String sql, Object... args) {
    return store.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
              ps.setObject(i + 1, args[i]);
            }
            List<RegisteredVersion> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(RegisteredVersionRows.read(rs));
              }
            }
            return out;
          }
        });
  }

  @Override
  public void close() {
    if (ownsStore) {
      store.close();
    }
  }

  private static String prefixed(String table) {
    return table + "." + RegisteredVersionRows.COLUMNS.replace(", ", ", " + table + ".");
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    }
  }
}
