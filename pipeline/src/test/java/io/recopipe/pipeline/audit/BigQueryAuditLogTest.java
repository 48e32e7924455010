package io.recopipe.pipeline.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.infra.bigquery.BigQueryAuditTable;
import io.recopipe.infra.gcs.GcsHeadAnchor;
import io.recopipe.infra.gcs.GcsStub;
import io.recopipe.model.error.OperationFailedException;
import io.recopipe.pipeline.review.LoopbackBigQueryTables;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Appends to the BigQuery audit log whose compare-and-append job failed or lost, through the real
 * BigQuery client against the loopback BigQuery. A job id names one job in a project for good: a
 * failed job keeps its id (jobs.insert with a client-generated id, "Running jobs programmatically",
 * https://cloud.google.com/bigquery/docs/running-jobs: a DONE job with {@code status.errorResult}
 * has failed), and on a clash the client throws 409 {@code duplicate}, or hands back the existing
 * job when it was created in the last 24 hours (google-cloud-bigquery 2.66 {@code
 * BigQueryImpl.create}). So sequence N is tried as job {@code …_N_0}, {@code …_N_1}, …, the next
 * one only once the one before is known dead: it failed, or it ran and changed no row. A call tells
 * its own job from an earlier call's by the job label {@code recopipe_call} ({@code
 * JobConfiguration.labels} in the REST discovery document,
 * https://bigquery.googleapis.com/discovery/v1/apis/bigquery/v2/rest).
 */
class BigQueryAuditLogTest {
  private static final Instant T0 = Instant.parse("2026-12-03T07:00:00Z");
  private static final String JOB = "recopipe_audit_log_1764720000000_";
  private static final String INSERT = "INSERT INTO `recopipe-demo.recopipe.audit_log`";
  private static final String DENIED =
      "Access Denied: Table recopipe-demo:recopipe.audit_log: Permission"
          + " bigquery.tables.updateData denied on table recopipe-demo:recopipe.audit_log (or it"
          + " may not exist).";

  private LoopbackBigQueryTables bq;
  private GcsStub gcs;
  private BigQueryAuditLog log;

  @BeforeEach
  void start() throws Exception {
    bq = new LoopbackBigQueryTables();
    gcs = new GcsStub();
    log = new BigQueryAuditLog(table(), anchor());
  }

  @AfterEach
  void stop() {
    assertEquals(List.of(), bq.unrouted(), "requests the real API would not understand");
    gcs.close();
    bq.close();
  }

  @Test
  void aFailedAppendDoesNotLockItsSequenceOnceTheClientReports409() {
    failedAppendIsRetriedUnderTheNextJobId();
  }

  @Test
  void aFailedAppendDoesNotLockItsSequenceWhenTheClientHandsBackTheFailedJob() {
    bq.jobsCreatedNow();
    failedAppendIsRetriedUnderTheNextJobId();
  }

  @Test
  void aWriterRacingForTheSameSequenceLosesCleanlyAndChainsToTheWinner() throws Exception {
    BigQueryAuditTable other = table();
    AuditEntry theirs =
        AuditChain.next(0, AuditChain.GENESIS, T0, "bob", "reject", "mf/v1", Map.of());
    AuditEntry mine = log.append(T0, "alice", "approve", "mf/v1", Map.of());
    assertEquals(1, mine.seq());

    assertFalse(
        other.appendIfHead(BigQueryAuditLog.row(theirs)), "job _1_0 ran and wrote seq 1: bob lost");
    assertEquals(1, bq.audit.size());
    assertEquals(List.of(JOB + "1_0", JOB + "1_0"), insertJobIds(), "no _1_1 while _1_0 won");

    AuditEntry next =
        new BigQueryAuditLog(other, anchor()).append(T0, "bob", "reject", "mf/v1", Map.of());
    assertEquals(2, next.seq(), "bob chained to alice's row");
    assertEquals(mine.hash(), next.prevHash());
    assertTrue(log.verify().intact(), log.verify().message());
  }

  @Test
  void aJobThatLostTheCompareAndAppendFreesItsSequenceForTheNextJobId() throws Exception {
    AuditEntry first = log.append(T0, "alice", "approve", "mf/v1", Map.of());
    AuditEntry forged =
        AuditChain.next(1, "f".repeat(64), T0, "mallory", "approve", "mf/v9", Map.of());
    assertFalse(
        table().appendIfHead(BigQueryAuditLog.row(forged)), "its prev_hash is not the head's");
    assertEquals(1, bq.audit.size());

    AuditEntry second = log.append(T0, "bob", "deploy", "mf/v1", Map.of());
    assertEquals(2, second.seq());
    assertEquals(first.hash(), second.prevHash());
    assertEquals(
        List.of(JOB + "1_0", JOB + "2_0", JOB + "2_0", JOB + "2_1"),
        insertJobIds(),
        "_2_0 ran and changed no row, so bob's row went in as _2_1");
    assertTrue(log.verify().intact(), log.verify().message());
  }

  private void failedAppendIsRetriedUnderTheNextJobId() {
    bq.failNext(INSERT, "accessDenied", DENIED);
    OperationFailedException failed =
        assertThrows(
            OperationFailedException.class,
            () -> log.append(T0, "alice", "approve", "mf/v1", Map.of("comment", "ok")));
    assertTrue(failed.getMessage().contains("accessDenied: Access Denied"), failed.getMessage());
    assertEquals(0, bq.audit.size());

    AuditEntry first = log.append(T0, "alice", "approve", "mf/v1", Map.of("comment", "ok"));
    assertEquals(1, first.seq(), "the same entry, retried, is written after all");
    AuditEntry second = log.append(T0.plusSeconds(9), "bob", "deploy", "mf/v1", Map.of());
    assertEquals(2, second.seq());
    assertEquals(
        List.of(JOB + "1_0", JOB + "1_0", JOB + "1_1", JOB + "2_0"),
        insertJobIds(),
        "_1_0 failed, so the retry found it dead and appended as _1_1");
    List<String> calls =
        inserts().stream().map(j -> j.at("/configuration/labels/recopipe_call").asText()).toList();
    assertTrue(calls.get(0).matches("[0-9a-f]{32}"), calls.toString());
    assertNotEquals(
        calls.get(0),
        calls.get(1),
        "the failed _1_0 is told from the retry's own job by its label, not by its row");
    assertEquals(calls.get(1), calls.get(2), "one label per call");
    AuditVerification verified = log.verify();
    assertTrue(verified.intact(), verified.message());
    assertEquals(2, log.list().size());
  }

  private List<JsonNode> inserts() {
    return bq.insertedJobs().stream()
        .filter(j -> j.at("/configuration/query/query").asText().startsWith(INSERT))
        .toList();
  }

  private List<String> insertJobIds() {
    return inserts().stream().map(j -> j.at("/jobReference/jobId").asText()).toList();
  }

  private BigQueryAuditTable table() {
    return new BigQueryAuditTable(
        bq.client(), LoopbackBigQueryTables.CONFIG, "audit_log", Duration.ofSeconds(30));
  }

  private GcsHeadAnchor anchor() {
    return GcsHeadAnchor.forAuditTable(gcs.client(), LoopbackBigQueryTables.CONFIG, "audit_log");
  }
}
