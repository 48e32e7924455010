package io.recopipe.pipeline.review;

import io.recopipe.model.error.FailureKind;
import io.recopipe.model.error.RecopipeFailure;
import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.metadata.MetadataException;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.metadata.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The configured reviewers: names with SHA-256 hashes of their tokens (tokens are 256-bit random
 * strings shown once and never stored), and token authentication for the CLI and the web page, so
 * every approval, rejection and rollback is attributed to a person. The home's first reviewer is
 * its admin; only admins add or disable reviewers, so a reviewer cannot mint a second identity.
 */
public final class Reviewers {
  private static final String NAME_RULE = "[a-z][a-z0-9._-]{0,62}";

  private final MetadataStore store;
  private final Clock clock;

  /** Reviewers in {@code store}. */
  public Reviewers(MetadataStore store) {
    this(store, Clock.systemUTC());
  }

  /** Reviewers in {@code store}, timestamped by {@code clock}. */
  public Reviewers(MetadataStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Adds reviewer {@code name} with a fresh token and returns the token (shown once). The home's
   * first reviewer needs no {@code by} and becomes its admin (the bootstrap, audited as {@code
   * shellUser}); every later one needs {@code by}, an active admin, and is audited as them.
   */
  public String add(String name, boolean admin, Optional<Reviewer> by, String shellUser)
      throws ReviewException {
    String token = TokenHash.newToken();
    addHashed(name, TokenHash.of(token), admin, by, shellUser);
    return token;
  }

  /** {@link #add} with a token hash provisioned elsewhere (64 hex digits). */
  public void addHashed(
      String name, String tokenSha256, boolean admin, Optional<Reviewer> by, String shellUser)
      throws ReviewException {
    if (name == null || !name.matches(NAME_RULE)) {
      throw new ReviewException(
          ReviewException.Kind.INVALID, "reviewer name '" + name + "' must match " + NAME_RULE);
    }
    String hash = tokenSha256 == null ? "" : tokenSha256.strip().toLowerCase(Locale.ROOT);
    if (!TokenHash.isHash(hash)) {
      throw new ReviewException(
          ReviewException.Kind.INVALID,
          "token hash of reviewer "
              + name
              + " must be 64 hex digits (SHA-256), was '"
              + tokenSha256
              + "'");
    }
    if (find(name).isPresent()) {
      throw new ReviewException(
          ReviewException.Kind.CONFLICT, "reviewer " + name + " already exists");
    }
    try {
      store.write(
          c -> {
            boolean bootstrap = count(c) == 0;
            String actor = bootstrap ? shellUser : requireAdmin(c, by, "add reviewer " + name);
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO reviewers (name,"
                        + " token_sha256, created_at, created_by, admin) VALUES (?, ?, ?, ?, ?)")) {
              ps.setString(1, name);
              ps.setString(2, hash);
              ps.setString(3, Timestamps.format(clock.instant()));
              ps.setString(4, actor);
              ps.setInt(5, bootstrap || admin ? 1 : 0);
              ps.executeUpdate();
            }
            Map<String, String> detail =
                new TreeMap<>(
                    Map.of(
                        "token_sha256_prefix",
                        hash.substring(0, 12),
                        "admin",
                        String.valueOf(bootstrap || admin)));
            if (bootstrap) {
              detail.put("bootstrap", "first reviewer of this home, made admin");
            }
            return AuditLog.append(
                c, clock.instant(), actor, "reviewer_add", "reviewer/" + name, detail);
          });
    } catch (Refused refused) {
      throw refused.reason;
    } catch (MetadataException e) {
      throw new ReviewException(
          ReviewException.Kind.CONFLICT,
          "cannot add reviewer " + name + ": that token hash is already in use");
    }
  }

  /** The reviewer {@code token} belongs to; refused (UNAUTHENTICATED) when none or disabled. */
  public Reviewer authenticate(String token) throws ReviewException {
    if (token == null || token.isBlank()) {
      throw new ReviewException(ReviewException.Kind.UNAUTHENTICATED, "no reviewer token given");
    }
    String hash = TokenHash.of(token);
    for (Row row : rows()) {
      if (TokenHash.same(row.hash, hash)) {
        if (row.reviewer.disabled()) {
          throw new ReviewException(
              ReviewException.Kind.UNAUTHENTICATED,
              "reviewer " + row.reviewer.name() + " is disabled");
        }
        return row.reviewer;
      }
    }
    throw new ReviewException(
        ReviewException.Kind.UNAUTHENTICATED, "unknown or disabled reviewer token");
  }

  /** Every reviewer, by name. */
  public List<Reviewer> list() {
    return rows().stream().map(r -> r.reviewer).toList();
  }

  /** Reviewer {@code name}, when configured. */
  public Optional<Reviewer> find(String name) {
    return list().stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /**
   * Disables reviewer {@code name}'s token; {@code by} must be an active admin, and the home's last
   * active admin cannot be disabled (nobody could manage reviewers any more).
   */
  public void disable(String name, Reviewer by) throws ReviewException {
    Optional<Reviewer> target = find(name);
    if (target.isEmpty()) {
      throw new ReviewException(ReviewException.Kind.NOT_FOUND, "no reviewer " + name);
    }
    try {
      store.write(
          c -> {
            String actor = requireAdmin(c, Optional.of(by), "disable reviewer " + name);
            if (target.get().admin() && activeAdmins(c) <= 1 && !target.get().disabled()) {
              throw new Refused(
                  new ReviewException(
                      ReviewException.Kind.CONFLICT,
                      "reviewer "
                          + name
                          + " is the last active admin; add another admin first (recopipe reviewers add"
                          + " NAME --admin)"));
            }
            try (PreparedStatement ps =
                c.prepareStatement("UPDATE reviewers SET disabled = 1 WHERE name = ?")) {
              ps.setString(1, name);
              ps.executeUpdate();
            }
            return AuditLog.append(
                c, clock.instant(), actor, "reviewer_disable", "reviewer/" + name, Map.of());
          });
    } catch (Refused refused) {
      throw refused.reason;
    }
  }

  /**
   * The name of {@code by} when it is an active admin in the database now (checked inside the
   * caller's transaction); refused otherwise, with what to do.
   */
  static String requireAdmin(Connection c, Optional<Reviewer> by, String what) throws SQLException {
    if (by.isEmpty()) {
      throw new Refused(
          new ReviewException(
              ReviewException.Kind.UNAUTHENTICATED,
              "cannot "
                  + what
                  + ": this home has reviewers, so it needs an admin reviewer's token"
                  + " (--token-file FILE or $RECOPIPE_REVIEWER_TOKEN)"));
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT admin, disabled FROM reviewers WHERE name = ?")) {
      ps.setString(1, by.get().name());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getInt(2) != 0 || rs.getInt(1) == 0) {
          throw new Refused(
              new ReviewException(
                  ReviewException.Kind.FORBIDDEN,
                  "cannot "
                      + what
                      + ": reviewer "
                      + by.get().name()
                      + " is not an active admin (recopipe reviewers"
                      + " list shows the admins)"));
        }
      }
    }
    return by.get().name();
  }

  /**
   * A refusal raised inside a write transaction (which rolls it back), carried out of it to be
   * rethrown as the checked {@link ReviewException}.
   */
  static final class Refused extends RuntimeException implements RecopipeFailure {
    private static final long serialVersionUID = 1L;
    final transient ReviewException reason;

    Refused(ReviewException reason) {
      super(reason.getMessage(), null, false, false);
      this.reason = reason;
    }

    @Override
    public FailureKind failureKind() {
      return FailureKind.REFUSED;
    }
  }

  private static int count(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM reviewers");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private static int activeAdmins(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM reviewers WHERE admin = 1 AND disabled = 0");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private record Row(Reviewer reviewer, String hash) {}

  private List<Row> rows() {
    return store.read(
        c -> {
          List<Row> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT name, token_sha256, created_at,"
                          + " disabled, admin FROM reviewers ORDER BY name");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(
                  new Row(
                      new Reviewer(
                          rs.getString(1),
                          Timestamps.parse(rs.getString(3)),
                          rs.getInt(4) != 0,
                          rs.getInt(5) != 0),
                      rs.getString(2)));
            }
          }
          return out;
        });
  }
}
