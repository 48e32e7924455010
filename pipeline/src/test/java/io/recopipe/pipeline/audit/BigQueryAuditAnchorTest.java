package io.recopipe.pipeline.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.infra.bigquery.BigQueryAuditTable;
import io.recopipe.infra.gcs.GcsHeadAnchor;
import io.recopipe.infra.gcs.GcsStub;
import io.recopipe.pipeline.metadata.Timestamps;
import io.recopipe.pipeline.review.LoopbackBigQueryTables;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The BigQuery audit log's head anchor, through the real BigQuery and Cloud Storage clients against
 * loopback servers: created at the genesis before the first row and moved by compare-and-swap after
 * each append; verification names newest rows cut off or rewritten; an append that stopped before
 * moving the anchor leaves it behind (still intact) until the next append moves it on; a writer
 * that lost the race for the anchor (412) leaves the winner's newer head in place.
 */
class BigQueryAuditAnchorTest {
  private static final Instant T0 = Instant.parse("2026-12-03T07:00:00Z");
  private static final String BUCKET = LoopbackBigQueryTables.CONFIG.bucket();
  private static final String OBJECT = "audit/recopipe/audit_log.head.json";

  private LoopbackBigQueryTables bq;
  private GcsStub gcs;
  private BigQueryAuditTable table;
  private BigQueryAuditLog log;

  @BeforeEach
  void start() throws Exception {
    bq = new LoopbackBigQueryTables();
    gcs = new GcsStub();
    table =
        new BigQueryAuditTable(
            bq.client(), LoopbackBigQueryTables.CONFIG, "audit_log", Duration.ofSeconds(30));
    GcsHeadAnchor anchor =
        GcsHeadAnchor.forAuditTable(gcs.client(), LoopbackBigQueryTables.CONFIG, "audit_log");
    assertEquals("gs://" + BUCKET + "/" + OBJECT, anchor.uri());
    log = new BigQueryAuditLog(table, anchor);
  }

  @AfterEach
  void stop() {
    assertEquals(List.of(), gcs.violations(), "requests the published Storage API would refuse");
    assertEquals(List.of(), bq.unrouted());
    gcs.close();
    bq.close();
  }

  @Test
  void theAnchorIsCreatedAtTheGenesisAndFollowsEveryAppend() {
    AuditEntry first = append("approve", "mf/v1");
    assertEquals(
        List.of(
            "storage.objects.get ifGenerationMatch=null",
            "storage.objects.insert ifGenerationMatch=0",
            "storage.objects.insert ifGenerationMatch=G"),
        calls(),
        "no anchor yet: created at the genesis before the row, then moved to it");
    assertEquals(anchorOf(first), anchorText());
    AuditEntry second = append("deploy", "mf/v1");
    assertEquals(anchorOf(second), anchorText());
    AuditVerification ok = log.verify();
    assertTrue(ok.intact(), ok.message());
    assertTrue(ok.message().endsWith("its end matches its head anchor"), ok.message());
  }

  @Test
  void newestRowsCutOffOrRewrittenAreNamed() {
    append("approve", "mf/v1");
    append("deploy", "mf/v1");
    append("approve", "mf/v2");
    bq.audit.remove(2);
    AuditVerification cut = log.verify();
    assertFalse(cut.intact());
    assertEquals(3, cut.firstBadSeq().getAsLong());
    assertTrue(
        cut.message().contains("the log ends at entry 2 but its head anchor"), cut.message());
    assertTrue(cut.message().endsWith("entries 3..3 were cut off"), cut.message());

    String second = bq.audit.get(1).get("hash");
    AuditEntry forged = AuditChain.next(2, second, T0, "mallory", "approve", "mf/v9", Map.of());
    bq.audit.add(rowMap(forged));
    AuditVerification rewritten = log.verify();
    assertFalse(rewritten.intact());
    assertEquals(3, rewritten.firstBadSeq().getAsLong());
    assertTrue(
        rewritten.message().contains("entry 3 differs from its head anchor"), rewritten.message());
  }

  @Test
  void anAppendThatStoppedBeforeMovingTheAnchorIsRepairedByTheNextOne() throws Exception {
    AuditEntry first = append("approve", "mf/v1");
    AuditEntry crashed = AuditChain.next(1, first.hash(), T0, "bob", "deploy", "mf/v1", Map.of());
    assertTrue(table.appendIfHead(BigQueryAuditLog.row(crashed)), "stored, then the writer died");

    AuditVerification behind = log.verify();
    assertTrue(behind.intact(), behind.message());
    assertTrue(behind.message().contains("its head anchor is 1 entry behind"), behind.message());
    assertEquals(anchorOf(first), anchorText(), "verification only reads");

    AuditEntry third = append("approve", "mf/v2");
    assertEquals(anchorOf(third), anchorText(), "moved on past the entry it had missed");
    assertTrue(log.verify().message().endsWith("its end matches its head anchor"));

    AuditEntry fourth = AuditChain.next(3, third.hash(), T0, "bob", "deploy", "mf/v2", Map.of());
    assertTrue(table.appendIfHead(BigQueryAuditLog.row(fourth)));
    bq.audit.get(3).put("actor", "mallory");
    append("approve", "mf/v3");
    assertEquals(anchorOf(third), anchorText(), "never moved over a chain that does not verify");
  }

  @Test
  void aWriterThatLosesTheRaceForTheAnchorLeavesTheNewerHead() {
    append("approve", "mf/v1");
    AuditEntry[] racer = new AuditEntry[1];
    gcs.beforeNextInsert(
        () -> {
          // our entry 2 is stored; another writer appends entry 3 and moves the anchor to it
          // before our compare-and-swap lands
          String ours = bq.audit.get(1).get("hash");
          racer[0] = AuditChain.next(2, ours, T0, "carol", "deploy", "mf/v2", Map.of());
          bq.audit.add(rowMap(racer[0]));
          gcs.put(BUCKET, OBJECT, anchorOf(racer[0]).getBytes(StandardCharsets.UTF_8));
        });
    assertEquals(2, append("deploy", "mf/v1").seq());
    assertEquals(anchorOf(racer[0]), anchorText(), "412: the newer head was not overwritten");
    List<String> calls = calls();
    assertEquals(
        List.of(
            "storage.objects.get ifGenerationMatch=null",
            "storage.objects.insert ifGenerationMatch=G",
            "storage.objects.get ifGenerationMatch=null"),
        calls.subList(calls.size() - 3, calls.size()),
        "after the 412 the anchor is read again, found ahead of our entry, and left");
    AuditVerification ok = log.verify();
    assertTrue(ok.intact(), ok.message());
    assertTrue(ok.message().endsWith("its end matches its head anchor"), ok.message());
  }

  @Test
  void aDeletedOrMalformedAnchorIsReportedAndNotRecreatedOverALog() {
    append("approve", "mf/v1");
    gcs.delete(BUCKET, OBJECT);
    AuditVerification missing = log.verify();
    assertFalse(missing.intact());
    assertTrue(
        missing.message().contains("is missing while the log has 1 entry: it was deleted"),
        missing.message());
    append("deploy", "mf/v1");
    assertNull(gcs.data(BUCKET, OBJECT), "a log with entries never gets a fresh anchor");

    gcs.put(BUCKET, OBJECT, "not json".getBytes(StandardCharsets.UTF_8));
    AuditVerification malformed = log.verify();
    assertFalse(malformed.intact());
    assertTrue(malformed.message().contains(" is malformed"), malformed.message());
    append("approve", "mf/v2");
    assertEquals("not json", anchorText());
  }

  private AuditEntry append(String action, String subject) {
    return log.append(T0, "alice", action, subject, Map.of());
  }

  private String anchorText() {
    byte[] data = gcs.data(BUCKET, OBJECT);
    return data == null ? null : new String(data, StandardCharsets.UTF_8);
  }

  private static String anchorOf(AuditEntry entry) {
    return "{\"seq\":" + entry.seq() + ",\"hash\":\"" + entry.hash() + "\"}";
  }

  /** Each Storage call with its precondition (a generation shown as G). */
  private List<String> calls() {
    return gcs.requests().stream()
        .filter(r -> !r.rawPath().startsWith("/download"))
        .map(
            r -> {
              String match = null;
              for (String pair : (r.rawQuery() == null ? "" : r.rawQuery()).split("&")) {
                if (pair.startsWith("ifGenerationMatch=")) {
                  match = pair.substring(pair.indexOf('=') + 1);
                }
              }
              return r.id()
                  + " ifGenerationMatch="
                  + (match == null || match.equals("0") ? match : "G");
            })
        .toList();
  }

  private static Map<String, String> rowMap(AuditEntry e) {
    return new LinkedHashMap<>(
        Map.of(
            "seq", Long.toString(e.seq()),
            "at", Timestamps.format(e.at()),
            "actor", e.actor(),
            "action", e.action(),
            "subject", e.subject(),
            "detail", e.detail(),
            "prev_hash", e.prevHash(),
            "hash", e.hash()));
  }
}
