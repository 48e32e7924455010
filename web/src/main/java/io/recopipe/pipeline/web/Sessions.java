package io.recopipe.pipeline.web;

import io.recopipe.pipeline.review.Reviewer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's logged-in sessions, in memory only (a restart logs everyone out) and ended after
 * {@link #IDLE} without a request, so a forgotten browser tab does not stay authorised forever.
 */
public final class Sessions {
  /** How long a session lives without a request. */
  public static final Duration IDLE = Duration.ofHours(12);

  private record Entry(Session session, Instant lastSeen) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration idle;

  /** Sessions that expire after {@code idle} by {@code clock}. */
  public Sessions(Clock clock, Duration idle) {
    this.clock = clock;
    this.idle = idle;
  }

  /** A new session (fresh id and CSRF token) for {@code reviewer}. */
  public Session open(Reviewer reviewer) {
    expireIdle();
    Session session = new Session(Tokens.random(), reviewer, Tokens.random());
    entries.put(session.id(), new Entry(session, clock.instant()));
    return session;
  }

  /** The live session with {@code id}, touched; empty when unknown or idle too long. */
  public Optional<Session> find(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Entry entry =
        entries.computeIfPresent(
            id, (key, old) -> expired(old, now) ? null : new Entry(old.session(), now));
    return Optional.ofNullable(entry).map(Entry::session);
  }

  /** Ends session {@code id} (logout). */
  public void close(String id) {
    if (id != null) {
      entries.remove(id);
    }
  }

  private boolean expired(Entry entry, Instant now) {
    return entry.lastSeen().plus(idle).isBefore(now);
  }

  private void expireIdle() {
    Instant now = clock.instant();
    entries.values().removeIf(entry -> expired(entry, now));
  }
}
