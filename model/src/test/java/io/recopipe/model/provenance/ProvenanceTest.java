package io.recopipe.model.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.json.JsonException;
import io.recopipe.model.json.JsonObject;
import io.recopipe.model.json.JsonParser;
import io.recopipe.model.json.JsonWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-05-01T12:34:56.789123Z"), ZoneOffset.UTC);

  @Test
  void capturesTheEnvironment() {
    Provenance p = Provenance.capture(42, "sha256:abc", "run-7", CLOCK,
        Map.of(Provenance.GIT_COMMIT_ENV, " 0123abcd\n"));
    assertEquals("0123abcd", p.gitCommit());
    assertEquals(Instant.parse("2024-05-01T12:34:56.789Z"), p.createdAt());
    assertEquals(Runtime.version().toString(), p.javaVersion());
    assertEquals(System.getProperty("os.arch"), p.osArch());
    assertEquals(42, p.seed());
    assertEquals("sha256:abc", p.dataFingerprint());
    assertEquals("run-7", p.runId());
  }

  @Test
  void readsTheFilteredMavenVersion() {
    String version = Provenance.currentCodeVersion();
    assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), version);
  }

  @Test
  void commitIsUnknownWithoutTheVariable() {
    assertEquals(Provenance.UNKNOWN, Provenance.capture(1, "f", null, CLOCK, Map.of()).gitCommit());
  }

  @Test
  void roundTripsThroughJson() {
    Provenance p = Provenance.capture(-3, "sha256:ff", null, CLOCK, Map.of());
    JsonObject json = p.toJson();
    assertEquals("2024-05-01T12:34:56.789Z", json.getString("created_at"));
    Provenance back = Provenance.fromJson(JsonParser.parse(JsonWriter.pretty(json)).asObject());
    assertEquals(p, back);
    assertNull(back.runId());
  }

  @Test
  void namesTheBadField() {
    JsonObject json = JsonObject.builder().put("code_version", "1").put("git_commit", "g")
        .put("java_version", "17").put("java_vendor", "v").put("os_name", "Linux")
        .put("os_version", "6").put("os_arch", "amd64").put("created_at", "yesterday")
        .put("seed", 1).put("data_fingerprint", "f").build();
    JsonException e = assertThrows(JsonException.class, () -> Provenance.fromJson(json));
    assertTrue(e.getMessage().startsWith("field 'created_at'"), e.getMessage());
  }
}
