package io.recopipe.pipeline.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.audit.AuditEntry;
import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.audit.SqliteAuditLog;
import io.recopipe.pipeline.metadata.MetadataStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewersTest {
  @TempDir Path dir;

  @Test
  void tokensAuthenticateAndAreNeverStored() throws Exception {
    Path db = dir.resolve("m.db");
    String token;
    try (MetadataStore store = MetadataStore.open(db)) {
      Reviewers reviewers = new Reviewers(store);
      token = reviewers.add("alice", false, Optional.empty(), "user:root");
      assertTrue(token.startsWith("rp_") && token.length() > 40, token);
      assertEquals("alice", reviewers.authenticate(token).name());
      assertEquals("alice", reviewers.authenticate(token + "\n").name(), "trailing newline");
      ReviewException wrong =
          assertThrows(ReviewException.class, () -> reviewers.authenticate(token + "x"));
      assertEquals(ReviewException.Kind.UNAUTHENTICATED, wrong.kind());
      assertEquals("unknown or disabled reviewer token", wrong.getMessage());
      assertEquals("reviewer_add", new SqliteAuditLog(store).list().get(0).action());
    }
    assertFalse(
        new String(Files.readAllBytes(db), java.nio.charset.StandardCharsets.ISO_8859_1)
            .contains(token),
        "the token itself is not in the database file");
  }

  @Test
  void provisionedHashesDisablingAndBadInput() throws Exception {
    try (MetadataStore store = MetadataStore.open(dir.resolve("m.db"))) {
      Reviewers reviewers = new Reviewers(store);
      reviewers.addHashed("root", TokenHash.of("roots-secret"), false, Optional.empty(), "u");
      Reviewer root = reviewers.authenticate("roots-secret");
      reviewers.addHashed("bob", TokenHash.of("bobs-secret"), false, Optional.of(root), "u");
      assertEquals("bob", reviewers.authenticate("bobs-secret").name());
      reviewers.disable("bob", root);
      ReviewException disabled =
          assertThrows(ReviewException.class, () -> reviewers.authenticate("bobs-secret"));
      assertEquals("reviewer bob is disabled", disabled.getMessage());

      assertEquals(
          ReviewException.Kind.INVALID,
          assertThrows(
                  ReviewException.class,
                  () ->
                      reviewers.addHashed(
                          "Bad Name", TokenHash.of("x"), false, Optional.of(root), "u"))
              .kind());
      ReviewException badHash =
          assertThrows(
              ReviewException.class,
              () -> reviewers.addHashed("carol", "1234", false, Optional.of(root), "u"));
      assertTrue(badHash.getMessage().contains("must be 64 hex digits"), badHash.getMessage());
      assertEquals(
          ReviewException.Kind.CONFLICT,
          assertThrows(
                  ReviewException.class, () -> reviewers.add("bob", false, Optional.of(root), "u"))
              .kind());
      assertEquals(
          ReviewException.Kind.NOT_FOUND,
          assertThrows(ReviewException.class, () -> reviewers.disable("nobody", root)).kind());
    }
  }

  @Test
  void theFirstReviewerIsAdminAndOnlyAdminsManageReviewers() throws Exception {
    try (MetadataStore store = MetadataStore.open(dir.resolve("m.db"))) {
      Reviewers reviewers = new Reviewers(store);
      AuditLog audit = new SqliteAuditLog(store);
      Reviewer alice =
          reviewers.authenticate(reviewers.add("alice", false, Optional.empty(), "user:ops"));
      assertTrue(alice.admin(), "the bootstrap reviewer is admin");
      AuditEntry bootstrap = audit.list().get(0);
      assertEquals("user:ops", bootstrap.actor());
      assertTrue(bootstrap.detail().contains("\"bootstrap\""), bootstrap.detail());

      ReviewException anonymous =
          assertThrows(
              ReviewException.class,
              () -> reviewers.add("mallory", true, Optional.empty(), "user:ops"));
      assertEquals(ReviewException.Kind.UNAUTHENTICATED, anonymous.kind());
      assertTrue(
          anonymous.getMessage().contains("needs an admin reviewer's token"),
          anonymous.getMessage());

      Reviewer bob = reviewers.authenticate(reviewers.add("bob", false, Optional.of(alice), "x"));
      assertFalse(bob.admin());
      assertEquals("alice", audit.list().get(1).actor());
      int entries = audit.list().size();
      ReviewException minted =
          assertThrows(
              ReviewException.class, () -> reviewers.add("bob2", false, Optional.of(bob), "x"));
      assertEquals(ReviewException.Kind.FORBIDDEN, minted.kind());
      assertEquals(
          "cannot add reviewer bob2: reviewer bob is not an active admin (recopipe "
              + "reviewers list shows the admins)",
          minted.getMessage());
      assertEquals(
          ReviewException.Kind.FORBIDDEN,
          assertThrows(ReviewException.class, () -> reviewers.disable("alice", bob)).kind());
      assertEquals(
          ReviewException.Kind.CONFLICT,
          assertThrows(ReviewException.class, () -> reviewers.disable("alice", alice)).kind(),
          "the last admin stays");
      assertEquals(entries, audit.list().size(), "refusals record nothing");
      assertTrue(reviewers.find("bob2").isEmpty());

      Reviewer carol =
          reviewers.authenticate(reviewers.add("carol", true, Optional.of(alice), "x"));
      assertTrue(carol.admin());
      reviewers.disable("alice", carol);
      assertEquals(
          ReviewException.Kind.FORBIDDEN,
          assertThrows(
                  ReviewException.class,
                  () -> reviewers.add("dave", false, Optional.of(alice), "x"))
              .kind(),
          "a disabled admin's identity no longer counts");
    }
  }

  @Test
  void anOlderHomesEarliestActiveReviewerBecomesItsAdmin() throws Exception {
    Path db = dir.resolve("m.db");
    try (MetadataStore store = MetadataStore.open(db)) {
      Reviewers reviewers = new Reviewers(store);
      Reviewer alice = reviewers.authenticate(reviewers.add("alice", false, Optional.empty(), "u"));
      reviewers.add("bob", false, Optional.of(alice), "u");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.executeUpdate("ALTER TABLE reviewers DROP COLUMN admin");
      s.executeUpdate("DROP TABLE settings");
      s.executeUpdate("DELETE FROM schema_version WHERE version = 4");
    }
    try (MetadataStore store = MetadataStore.open(db)) {
      Reviewers reviewers = new Reviewers(store);
      assertTrue(reviewers.find("alice").orElseThrow().admin());
      assertFalse(reviewers.find("bob").orElseThrow().admin());
    }
  }
}
