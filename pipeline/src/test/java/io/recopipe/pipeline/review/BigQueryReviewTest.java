package io.recopipe.pipeline.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.infra.bigquery.BigQueryAuditTable;
import io.recopipe.infra.gcs.GcsStub;
import io.recopipe.pipeline.audit.AuditEntry;
import io.recopipe.pipeline.audit.AuditVerification;
import io.recopipe.pipeline.audit.BigQueryAuditLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gcp profile's audit log and approvals through the real BigQuery client against a loopback
 * BigQuery: the exact jobs.insert requests (fields of the REST discovery document's {@code Job}
 * ({@code jobReference.projectId/jobId/location}), {@code JobConfigurationQuery} ({@code query},
 * {@code useLegacySql}, {@code queryParameters}) and {@code QueryParameter} ({@code name}, {@code
 * parameterType.type}, {@code parameterValue.value}):
 * https://bigquery.googleapis.com/discovery/v1/apis/bigquery/v2/rest), the chain verification
 * catching edited and deleted rows, and compare-and-set decisions.
 */
class BigQueryReviewTest {
  private static final Instant T0 = Instant.parse("2026-12-03T07:00:00Z");

  private LoopbackBigQueryTables bq;
  private GcsStub gcs;
  private BigQueryAuditLog audit;
  private BigQueryApprovals approvals;

  @BeforeEach
  void start() throws Exception {
    bq = new LoopbackBigQueryTables();
    gcs = new GcsStub();
    audit = bq.auditLog(gcs);
    approvals = bq.approvals(audit);
  }

  @AfterEach
  void stop() {
    assertEquals(List.of(), bq.unrouted(), "requests the real API would not understand");
    bq.close();
    gcs.close();
  }

  @Test
  void anAppendIsOneConditionalInsertJobWhoseIdLocksTheSequence() {
    AuditEntry first = audit.append(T0, "alice", "approve", "mf/v1", Map.of("comment", "ok"));
    assertEquals(1, first.seq());
    assertEquals("0".repeat(64), first.prevHash());

    List<JsonNode> jobs = bq.insertedJobs();
    JsonNode insert = jobs.get(jobs.size() - 1);
    assertEquals("recopipe-demo", insert.at("/jobReference/projectId").asText());
    assertEquals("EU", insert.at("/jobReference/location").asText());
    assertEquals(
        "recopipe_audit_log_1764720000000_1_0",
        insert.at("/jobReference/jobId").asText(),
        "the first job id of the table incarnation's seq 1: a second writer of it gets 409");
    JsonNode query = insert.at("/configuration/query");
    assertFalse(query.get("useLegacySql").asBoolean());
    String sql = query.get("query").asText();
    assertTrue(sql.startsWith("INSERT INTO `recopipe-demo.recopipe.audit_log` (seq, at,"), sql);
    assertTrue(
        sql.contains("WHERE IFNULL((SELECT MAX(seq) FROM `recopipe-demo.recopipe.audit_log`), 0)"),
        sql);
    Map<String, String> types = new TreeMap<>();
    Map<String, String> values = new TreeMap<>();
    for (JsonNode p : query.get("queryParameters")) {
      types.put(p.get("name").asText(), p.at("/parameterType/type").asText());
      values.put(p.get("name").asText(), p.at("/parameterValue/value").asText());
    }
    assertEquals("INT64", types.get("seq"));
    assertEquals("INT64", types.get("head_seq"));
    assertEquals("STRING", types.get("hash"));
    assertEquals("0", values.get("head_seq"));
    assertEquals(first.hash(), values.get("hash"));
    assertEquals("{\"comment\":\"ok\"}", values.get("detail"));
    assertTrue(values.get("at").startsWith("2026-12-03"), values.get("at"));
    assertEquals(
        List.of("GET /bigquery/v2/projects/recopipe-demo/datasets/recopipe/tables/audit_log"),
        bq.requests().stream()
            .filter(r -> r.method().equals("GET") && r.path().contains("/datasets/"))
            .map(r -> r.method() + " " + r.path())
            .toList(),
        "tables.get once, for the table's creation time");

    AuditEntry second = audit.append(T0, "bob", "reject", "mf/v2", Map.of());
    assertEquals(2, second.seq());
    assertEquals(first.hash(), second.prevHash());
    assertTrue(audit.verify().intact(), audit.verify().message());
  }

  @Test
  void aStaleHeadIsNotAppendedAndTheWriterChainsToTheNewOne() throws Exception {
    audit.append(T0, "alice", "approve", "mf/v1", Map.of());
    BigQueryAuditTable table =
        new BigQueryAuditTable(
            bq.client(), LoopbackBigQueryTables.CONFIG, "audit_log", Duration.ofSeconds(30));
    BigQueryAuditTable.Row stale =
        new BigQueryAuditTable.Row(
            1, "2026-12-03T07:00:00Z", "mallory", "approve", "mf/v9", "{}", "0".repeat(64), "x");
    assertFalse(table.appendIfHead(stale), "the head is entry 1, not the genesis");
    assertEquals(1, bq.audit.size());
    assertEquals(2, audit.append(T0, "bob", "reject", "mf/v2", Map.of()).seq());
  }

  @Test
  void verificationReadsTheTableInOrderAndNamesAnEditedOrDeletedRow() {
    for (int i = 1; i <= 4; i++) {
      audit.append(T0.plusSeconds(i), "alice", "approve", "mf/v" + i, Map.of());
    }
    assertTrue(audit.verify().intact());

    bq.audit.get(1).put("actor", "mallory");
    AuditVerification edited = audit.verify();
    assertFalse(edited.intact());
    assertEquals(2, edited.firstBadSeq().getAsLong());
    assertTrue(edited.message().contains("was edited"), edited.message());

    bq.audit.get(1).put("actor", "alice");
    assertTrue(audit.verify().intact());
    bq.audit.remove(2);
    AuditVerification deleted = audit.verify();
    assertFalse(deleted.intact());
    assertEquals(4, deleted.firstBadSeq().getAsLong());
    assertTrue(deleted.message().contains("entries 3..3 were deleted"), deleted.message());
  }

  @Test
  void aDecisionIsAConditionalUpdateAndOnlyTheFirstOneStands() throws Exception {
    Approval requested =
        approvals.request(
            "mf", 3, "job-3", "carol", T0, T0.plus(Duration.ofHours(24)), List.of("contract"));
    assertEquals(ApprovalState.PENDING, requested.state());
    assertEquals("carol", requested.startedBy());

    Approval approved =
        approvals.decide("mf", 3, ApprovalState.APPROVED, "alice", "looks right", T0);
    assertEquals(ApprovalState.APPROVED, approved.state());
    assertEquals("alice", approved.decidedBy().orElseThrow());

    ReviewException late =
        assertThrows(
            ReviewException.class,
            () -> approvals.decide("mf", 3, ApprovalState.REJECTED, "bob", "no", T0));
    assertEquals(ReviewException.Kind.CONFLICT, late.kind());
    assertTrue(late.getMessage().contains("already approved by alice"), late.getMessage());

    List<String> statements = new ArrayList<>();
    for (JsonNode job : bq.insertedJobs()) {
      String sql = job.at("/configuration/query/query").asText();
      if (sql.contains("approvals`") && !sql.startsWith("SELECT")) {
        statements.add(sql.substring(0, sql.indexOf('\n')));
      }
    }
    assertEquals(
        List.of(
            "INSERT INTO `recopipe-demo.recopipe.approvals` (pipeline, version, run_id, state,"
                + " requested_at, expires_at, started_by, decided_by, decided_at, comment)",
            "UPDATE `recopipe-demo.recopipe.approvals`",
            "UPDATE `recopipe-demo.recopipe.approvals`"),
        statements);
    String update =
        bq.insertedJobs().stream()
            .map(j -> j.at("/configuration/query/query").asText())
            .filter(s -> s.startsWith("UPDATE"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        update.endsWith(
            "WHERE pipeline = @pipeline AND version = @version AND state = @from_state"),
        update);

    List<String> actions = audit.list().stream().map(AuditEntry::action).toList();
    assertEquals(List.of("request_approval", "approve"), actions, "the refused one is not audited");
    assertTrue(audit.verify().intact());
  }

  @Test
  void expiryIsTheSameRuleAsAtHome() {
    Approval waiting = approvals.request("mf", 4, "job-4", "carol", T0, T0.plusSeconds(60));
    assertFalse(approvals.expire(waiting, T0.plusSeconds(59)), "not due yet");
    assertTrue(approvals.expire(waiting, T0.plusSeconds(60)));
    assertFalse(approvals.expire(waiting, T0.plusSeconds(61)), "decided already");
    Approval expired = approvals.find("mf", 4).orElseThrow();
    assertEquals(ApprovalState.EXPIRED, expired.state());
    assertEquals(Approvals.EXPIRY_ACTOR, expired.decidedBy().orElseThrow());
  }
}
