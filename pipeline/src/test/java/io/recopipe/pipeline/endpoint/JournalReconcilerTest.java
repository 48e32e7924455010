package io.recopipe.pipeline.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.audit.AuditEntry;
import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.audit.SqliteAuditLog;
import io.recopipe.pipeline.metadata.MetadataStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journal lines become audit entries exactly once, a half-written last line waits for its newline,
 * archived journals (of removed revision directories) are read too, and the chain stays intact.
 */
class JournalReconcilerTest {
  private static final String SWAP =
      "{\"at\":\"2026-01-02T03:04:05Z\",\"action\":\"swap\","
          + "\"outcome\":\"accepted\",\"model_version_before\":\"aaaaaaaaaaaa\","
          + "\"model_version_after\":\"bbbbbbbbbbbb\",\"remote\":\"127.0.0.1\",\"pid\":42,"
          + "\"detail\":{\"bundle\":\"/b\"}}\n";
  private static final String REFUSED =
      "{\"at\":\"2026-01-02T03:04:06Z\",\"action\":\"refused\","
          + "\"outcome\":\"refused\",\"model_version_before\":\"bbbbbbbbbbbb\","
          + "\"model_version_after\":\"bbbbbbbbbbbb\",\"remote\":\"127.0.0.1\",\"pid\":42,"
          + "\"detail\":{\"request\":\"POST /admin/stop\",\"reason\":\"wrong secret\"}}\n";

  @TempDir Path dir;

  @Test
  void importsEveryCompleteLineExactlyOnce() throws Exception {
    Path serving = dir.resolve("serving");
    Path journal =
        Files.createDirectories(serving.resolve("revisions/r0001-abc"))
            .resolve("admin-journal.jsonl");
    Files.writeString(journal, SWAP + REFUSED.substring(0, 40));
    try (MetadataStore store = MetadataStore.open(dir.resolve("metadata.db"))) {
      AuditLog audit = new SqliteAuditLog(store);
      assertEquals(1, JournalReconciler.reconcile(store, serving));
      assertEquals(0, JournalReconciler.reconcile(store, serving), "nothing new: nothing again");
      Files.writeString(journal, REFUSED.substring(40), StandardOpenOption.APPEND);
      assertEquals(1, JournalReconciler.reconcile(store, serving));

      Path archived =
          Files.createDirectories(serving.resolve("journals")).resolve("r0000-old.jsonl");
      Files.writeString(archived, "not json\n", StandardCharsets.UTF_8);
      assertEquals(1, JournalReconciler.reconcile(store, serving));
      assertEquals(0, JournalReconciler.reconcile(store, serving));

      List<AuditEntry> entries = audit.list();
      assertEquals(3, entries.size());
      AuditEntry swap = entries.get(0);
      assertEquals("admin-api:r0001-abc", swap.actor());
      assertEquals("endpoint.swap", swap.action());
      assertEquals("endpoint/r0001-abc", swap.subject());
      assertTrue(swap.detail().contains("\"model_version_after\":\"bbbbbbbbbbbb\""), swap.detail());
      assertEquals("2026-01-02T03:04:05Z", swap.at().toString());
      assertEquals("endpoint.refused", entries.get(1).action());
      assertTrue(entries.get(1).detail().contains("wrong secret"), entries.get(1).detail());
      assertEquals("endpoint.unreadable", entries.get(2).action());
      assertEquals("admin-api:r0000-old", entries.get(2).actor());
      assertTrue(audit.verify().intact(), audit.verify().message());
    }
  }
}
