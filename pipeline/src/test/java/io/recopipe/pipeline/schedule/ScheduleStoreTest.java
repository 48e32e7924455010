package io.recopipe.pipeline.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.audit.AuditEntry;
import io.recopipe.pipeline.audit.SqliteAuditLog;
import io.recopipe.pipeline.metadata.MetadataStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schedules validated, stored in a real SQLite file, changed and audited. */
class ScheduleStoreTest {
  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  @TempDir Path dir;

  private <T> T withStore(Function<ScheduleStore, T> work) {
    try (MetadataStore store = MetadataStore.open(dir.resolve("metadata.db"))) {
      return work.apply(new ScheduleStore(store));
    }
  }

  @Test
  void reportsEveryBadFieldInOneLine() {
    ScheduleRequest bad =
        new ScheduleRequest(
            "Bad Name",
            "61 * * *",
            "Mars/Olympus",
            "sometimes",
            "all",
            dir.resolve("missing.yaml"),
            Map.of());
    ScheduleException e =
        assertThrows(ScheduleException.class, () -> withStore(s -> s.add(bad, "user:test", T0)));
    String message = e.getMessage();
    assertFalse(message.contains("\n"), message);
    for (String field :
        List.of(
            "name 'Bad Name'",
            "cron '61 * * *'",
            "zone 'Mars/Olympus'",
            "overlap 'sometimes'",
            "catch-up 'all'",
            "missing.yaml is not a file")) {
      assertTrue(message.contains(field), field + " missing from: " + message);
    }
    assertEquals(List.of(), withStore(ScheduleStore::list));
  }

  @Test
  void refusesOverridesTheRunWouldRefuse() {
    ScheduleRequest bad =
        new ScheduleRequest(
            "nightly", "0 3 * * *", "UTC", null, null, null, Map.of("trian.num_factors", "8"));
    ScheduleException e =
        assertThrows(ScheduleException.class, () -> withStore(s -> s.add(bad, "user:test", T0)));
    assertTrue(
        e.getMessage().contains("invalid config (")
            && e.getMessage().contains("trian: unknown section (did you mean train?)"),
        e.getMessage());
  }

  @Test
  void addListPauseResumeRemoveArePersisted() throws IOException {
    Path config =
        Files.writeString(dir.resolve("fast.yaml"), "train:\n  method: als\n  num_factors: 8\n");
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("train.max_iterations", "5");
    overrides.put("deploy.enabled", "false");
    withStore(
        s ->
            s.add(
                new ScheduleRequest(
                    "nightly", "0 3 * * *", "Europe/Berlin", "queue", "latest", config, overrides),
                "user:alice",
                T0));

    Schedule stored = withStore(s -> s.find("nightly")).orElseThrow();
    assertEquals("0 3 * * *", stored.cron());
    assertEquals(ZoneId.of("Europe/Berlin"), stored.zone());
    assertEquals(Overlap.QUEUE, stored.overlap());
    assertEquals(CatchUp.LATEST, stored.catchUp());
    assertEquals(Optional.of(config.toAbsolutePath()), stored.config());
    assertEquals(
        List.of("train.max_iterations", "deploy.enabled"),
        List.copyOf(stored.overrides().keySet()));
    assertEquals("user:alice", stored.createdBy());
    assertEquals(T0, stored.checkedUntil());
    assertFalse(stored.paused());

    withStore(s -> s.pause("nightly", "user:alice", T0.plusSeconds(60)));
    assertTrue(withStore(s -> s.find("nightly")).orElseThrow().paused());
    Instant resumedAt = T0.plusSeconds(86_400);
    withStore(s -> s.resume("nightly", "user:bob", resumedAt));
    Schedule resumed = withStore(s -> s.find("nightly")).orElseThrow();
    assertFalse(resumed.paused());
    assertEquals(resumedAt, resumed.checkedUntil());

    ScheduleException duplicate =
        assertThrows(
            ScheduleException.class,
            () ->
                withStore(s -> s.add(ScheduleRequest.of("nightly", "0 4 * * *"), "user:bob", T0)));
    assertEquals("schedule nightly already exists", duplicate.getMessage());
    withStore(
        s -> {
          s.remove("nightly", "user:bob", resumedAt);
          return null;
        });
    assertEquals(List.of(), withStore(ScheduleStore::list));
    ScheduleException missing =
        assertThrows(
            ScheduleException.class,
            () -> withStore(s -> s.pause("nightly", "user:bob", resumedAt)));
    assertEquals("no schedule nightly", missing.getMessage());
  }

  @Test
  void auditsEveryChangeInTheSameTransaction() {
    withStore(s -> s.add(ScheduleRequest.of("hourly", "0 * * * *"), "user:alice", T0));
    withStore(s -> s.pause("hourly", "user:alice", T0));
    withStore(s -> s.pause("hourly", "user:alice", T0));
    withStore(s -> s.resume("hourly", "user:alice", T0));
    withStore(
        s -> {
          s.remove("hourly", "user:alice", T0);
          return null;
        });
    try (MetadataStore store = MetadataStore.open(dir.resolve("metadata.db"))) {
      List<AuditEntry> entries = new SqliteAuditLog(store).list();
      assertEquals(
          List.of("schedule.add", "schedule.pause", "schedule.resume", "schedule.remove"),
          entries.stream().map(AuditEntry::action).toList());
      assertTrue(
          entries.stream()
              .allMatch(
                  e -> e.subject().equals("schedule:hourly") && e.actor().equals("user:alice")));
      assertTrue(entries.get(0).detail().contains("0 * * * *"), entries.get(0).detail());
    }
  }
}
