package io.recopipe.model.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import io.recopipe.model.io.JsonInputException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
  @Test
  void recordsOnlyWhatTheInputsDecide() {
    Provenance p =
        Provenance.of(42, "sha256:abc", Map.of(Provenance.GIT_COMMIT_ENV, " 0123abcd\n"));
    assertEquals("0123abcd", p.gitCommit());
    assertEquals(42, p.seed());
    assertEquals("sha256:abc", p.dataFingerprint());
    assertNull(p.createdAt());
    assertNull(p.runId());
    assertEquals(
        Provenance.of(42, "sha256:abc", Map.of(Provenance.GIT_COMMIT_ENV, "0123abcd")),
        p,
        "the same inputs give equal provenance");
    ObjectNode json = p.toJson();
    assertEquals(
        java.util.Set.of("code_version", "git_commit", "seed", "data_fingerprint"),
        java.util.Set.copyOf(JsonFields.names(json)),
        "no run, time, JVM or host in a new bundle");
  }

  @Test
  void readsTheFilteredMavenVersion() {
    String version = Provenance.currentCodeVersion();
    assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), version);
  }

  @Test
  void commitIsUnknownWithoutTheVariable() {
    assertEquals(Provenance.UNKNOWN, Provenance.of(1, "f", Map.of()).gitCommit());
  }

  @Test
  void roundTripsThroughJson() {
    Provenance p = Provenance.of(-3, "sha256:ff", Map.of());
    Provenance back = Provenance.fromJson(Json.parse(Json.pretty(p.toJson())));
    assertEquals(p, back);
  }

  @Test
  void readsAnOlderBundlesRunAndTimeAndIgnoresItsHost() {
    ObjectNode json =
        Json.object()
            .put("code_version", "1")
            .put("git_commit", "g")
            .put("java_version", "17")
            .put("java_vendor", "v")
            .put("os_name", "Linux")
            .put("os_version", "6")
            .put("os_arch", "amd64")
            .put("created_at", "2024-05-01T12:00:00Z")
            .put("seed", 1)
            .put("data_fingerprint", "f")
            .put("run_id", "run-9");
    Provenance p = Provenance.fromJson(json);
    assertEquals(Instant.parse("2024-05-01T12:00:00Z"), p.createdAt());
    assertEquals("run-9", p.runId());
    assertFalse(p.toJson().has("java_version"));
  }

  @Test
  void namesTheBadField() {
    ObjectNode json =
        Json.object()
            .put("code_version", "1")
            .put("git_commit", "g")
            .put("created_at", "yesterday")
            .put("seed", 1)
            .put("data_fingerprint", "f");
    JsonInputException e = assertThrows(JsonInputException.class, () -> Provenance.fromJson(json));
    assertTrue(e.getMessage().startsWith("field 'created_at'"), e.getMessage());
  }
}
