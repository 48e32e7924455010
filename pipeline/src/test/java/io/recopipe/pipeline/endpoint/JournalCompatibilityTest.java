package io.recopipe.pipeline.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parses the admin journal a serving process of 6329e23 wrote on 2026-12-03 (deployed by {@code
 * recopipe run}, a listen on the stable port, then {@code recopipe undeploy}; the same file as the
 * components module's endpoint fixture): a server of one release journals what the next release's
 * CLI imports into the audit log, so both must keep agreeing on the lines.
 */
class JournalCompatibilityTest {
  @Test
  void parsesEveryLineAsTheServerWroteIt() throws IOException {
    List<String> lines;
    try (InputStream in = getClass().getResourceAsStream("compat/admin-journal.jsonl")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    Instant fallback = Instant.EPOCH;
    assertEquals(
        List.of(
            new JournalEntry(
                Instant.parse("2026-12-03T00:45:58.382332530Z"),
                "listen",
                "accepted",
                "b4eafa51bb7f",
                "b4eafa51bb7f",
                Map.of(
                    "outcome", "accepted", "remote", "127.0.0.1", "pid", "32322", "port", "18597")),
            new JournalEntry(
                Instant.parse("2026-12-03T00:46:07.218470061Z"),
                "stop",
                "accepted",
                "b4eafa51bb7f",
                null,
                Map.of("outcome", "accepted", "remote", "127.0.0.1", "pid", "32322"))),
        lines.stream().map(line -> JournalEntry.parse(line, fallback)).toList());
    assertEquals("endpoint.listen", JournalEntry.parse(lines.get(0), fallback).auditAction());
  }
}
