package io.recopipe.pipeline.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.metadata.MetadataStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewersTest {
  @TempDir
  Path dir;

  @Test
  void tokensAuthenticateAndAreNeverStored() throws Exception {
    Path db = dir.resolve("m.db");
    String token;
    try (MetadataStore store = MetadataStore.open(db)) {
      Reviewers reviewers = new Reviewers(store);
      token = reviewers.add("alice", "user:root");
      assertTrue(token.startsWith("rp_") && token.length() > 40, token);
      assertEquals("alice", reviewers.authenticate(token).name());
      assertEquals("alice", reviewers.authenticate(token + "\n").name(), "trailing newline");
      ReviewException wrong = assertThrows(ReviewException.class,
          () -> reviewers.authenticate(token + "x"));
      assertEquals(ReviewException.Kind.UNAUTHENTICATED, wrong.kind());
      assertEquals("unknown or disabled reviewer token", wrong.getMessage());
      assertEquals("reviewer_add", new AuditLog(store).list().get(0).action());
    }
    assertFalse(new String(Files.readAllBytes(db), java.nio.charset.StandardCharsets.ISO_8859_1)
        .contains(token), "the token itself is not in the database file");
  }

  @Test
  void provisionedHashesDisablingAndBadInput() throws Exception {
    try (MetadataStore store = MetadataStore.open(dir.resolve("m.db"))) {
      Reviewers reviewers = new Reviewers(store);
      reviewers.addHashed("bob", TokenHash.of("bobs-secret"), "user:root");
      assertEquals("bob", reviewers.authenticate("bobs-secret").name());
      reviewers.disable("bob", "user:root");
      ReviewException disabled = assertThrows(ReviewException.class,
          () -> reviewers.authenticate("bobs-secret"));
      assertEquals("reviewer bob is disabled", disabled.getMessage());

      assertEquals(ReviewException.Kind.INVALID, assertThrows(ReviewException.class,
          () -> reviewers.addHashed("Bad Name", TokenHash.of("x"), "u")).kind());
      ReviewException badHash = assertThrows(ReviewException.class,
          () -> reviewers.addHashed("carol", "1234", "u"));
      assertTrue(badHash.getMessage().contains("must be 64 hex digits"), badHash.getMessage());
      assertEquals(ReviewException.Kind.CONFLICT, assertThrows(ReviewException.class,
          () -> reviewers.add("bob", "u")).kind());
      assertEquals(ReviewException.Kind.NOT_FOUND, assertThrows(ReviewException.class,
          () -> reviewers.disable("nobody", "u")).kind());
    }
  }
}
