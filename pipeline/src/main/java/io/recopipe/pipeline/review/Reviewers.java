package io.recopipe.pipeline.review;

import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.metadata.MetadataException;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.metadata.Timestamps;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured reviewers: names with SHA-256 hashes of their tokens (tokens are 256-bit random
 * strings shown once and never stored), and token authentication for the CLI and the web page,
 * so every approval, rejection and rollback is attributed to a person.
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

  /** Adds reviewer {@code name} with a fresh token and returns the token (shown once). */
  public String add(String name, String actor) throws ReviewException {
    String token = TokenHash.newToken();
    addHashed(name, TokenHash.of(token), actor);
    return token;
  }

  /** Adds reviewer {@code name} with a token hash provisioned elsewhere (64 hex digits). */
  public void addHashed(String name, String tokenSha256, String actor) throws ReviewException {
    if (name == null || !name.matches(NAME_RULE)) {
      throw new ReviewException(ReviewException.Kind.INVALID, "reviewer name '" + name
          + "' must match " + NAME_RULE);
    }
    String hash = tokenSha256 == null ? "" : tokenSha256.strip().toLowerCase(java.util.Locale.ROOT);
    if (!TokenHash.isHash(hash)) {
      throw new ReviewException(ReviewException.Kind.INVALID, "token hash of reviewer " + name
          + " must be 64 hex digits (SHA-256), was '" + tokenSha256 + "'");
    }
    if (find(name).isPresent()) {
      throw new ReviewException(ReviewException.Kind.CONFLICT, "reviewer " + name
          + " already exists");
    }
    try {
      store.write(c -> {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reviewers (name,"
            + " token_sha256, created_at, created_by) VALUES (?, ?, ?, ?)")) {
          ps.setString(1, name);
          ps.setString(2, hash);
          ps.setString(3, Timestamps.format(clock.instant()));
          ps.setString(4, actor);
          ps.executeUpdate();
        }
        return AuditLog.append(c, clock.instant(), actor, "reviewer_add", "reviewer/" + name,
            Map.of("token_sha256_prefix", hash.substring(0, 12)));
      });
    } catch (MetadataException e) {
      throw new ReviewException(ReviewException.Kind.CONFLICT, "cannot add reviewer " + name
          + ": that token hash is already in use");
    }
  }

  /** The reviewer {@code token} belongs to; refused (UNAUTHENTICATED) when none or disabled. */
  public Reviewer authenticate(String token) throws ReviewException {
    if (token == null || token.isBlank()) {
      throw new ReviewException(ReviewException.Kind.UNAUTHENTICATED,
          "no reviewer token given");
    }
    String hash = TokenHash.of(token);
    for (Row row : rows()) {
      if (TokenHash.same(row.hash, hash)) {
        if (row.reviewer.disabled()) {
          throw new ReviewException(ReviewException.Kind.UNAUTHENTICATED, "reviewer "
              + row.reviewer.name() + " is disabled");
        }
        return row.reviewer;
      }
    }
    throw new ReviewException(ReviewException.Kind.UNAUTHENTICATED,
        "unknown or disabled reviewer token");
  }

  /** Every reviewer, by name. */
  public List<Reviewer> list() {
    return rows().stream().map(r -> r.reviewer).toList();
  }

  /** Reviewer {@code name}, when configured. */
  public Optional<Reviewer> find(String name) {
    return list().stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** Disables reviewer {@code name}'s token. */
  public void disable(String name, String actor) throws ReviewException {
    if (find(name).isEmpty()) {
      throw new ReviewException(ReviewException.Kind.NOT_FOUND, "no reviewer " + name);
    }
    store.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE reviewers SET disabled = 1 WHERE name = ?")) {
        ps.setString(1, name);
        ps.executeUpdate();
      }
      return AuditLog.append(c, clock.instant(), actor, "reviewer_disable", "reviewer/" + name,
          Map.of());
    });
  }

  private record Row(Reviewer reviewer, String hash) {
  }

  private List<Row> rows() {
    return store.read(c -> {
      List<Row> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT name, token_sha256, created_at,"
          + " disabled FROM reviewers ORDER BY name"); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Row(new Reviewer(rs.getString(1), Timestamps.parse(rs.getString(3)),
              rs.getInt(4) != 0), rs.getString(2)));
        }
      }
      return out;
    });
  }
}
