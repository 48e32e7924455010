package io.recopipe.infra.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.components.warehouse.Column;
import io.recopipe.components.warehouse.WarehouseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run's staged tables on BigQuery, against the real client and a local HTTP stub: a run writes
 * {@code staging__KEY__TABLE}; publishing moves them all over their tables in one transaction and
 * deletes them, running the transaction again after a pause when BigQuery cancelled it for a
 * concurrent one; dropping deletes them; other runs' staged tables are left alone.
 */
class BigQueryStagingTest {
  /**
   * How BigQuery fails the publish job whose transaction it cancelled for a concurrent one: reason
   * {@code invalidQuery} and this message (as users report it, e.g.
   * github.com/estuary/connectors/issues/111), after "Conflicting transactions are cancelled"
   * (https://cloud.google.com/bigquery/docs/transactions#transaction_concurrency).
   */
  private static final String ABORTED =
      "Transaction is aborted due to concurrent update against table recopipe-demo:recopipe.ratings."
          + " Transaction ID: 6930e1c5-0000-2c4e-a6b9-f4f5e80f2a3e";

  private BigQueryStub stub;
  private BigQueryWarehouse warehouse;
  private final List<Duration> pauses = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    stub = new BigQueryStub();
    warehouse =
        new BigQueryWarehouse(
            stub.client("recopipe-demo"),
            BigQueryWarehouseTest.CONFIG,
            Duration.ofSeconds(30),
            new PublishRetry(3, Duration.ofSeconds(5), Duration.ofSeconds(60), pauses::add));
  }

  @AfterEach
  void stop() {
    assertEquals(List.of(), stub.unrouted(), "requests the real API would not understand");
    stub.close();
  }

  @Test
  void aRunWritesItsStagedTable() throws Exception {
    warehouse
        .staged("r1")
        .replaceTable("weights", List.of(new Column("id", "VARCHAR")), List.of(List.of("u1")));
    JsonNode load = stub.jobConfigurations().get(0).get("load");
    assertEquals("staging__r1__weights", load.at("/destinationTable/tableId").asText());
    assertEquals("WRITE_TRUNCATE", load.get("writeDisposition").asText());
  }

  @Test
  void publishingIsOneTransactionOverEveryStagedTableThenDeletesThem() throws Exception {
    stub.table("ratings", 5)
        .table("staging__r1__ratings", 7)
        .table("staging__r1__weights", 3)
        .table("staging__r2__evaluation", 1);
    assertEquals(List.of("r1", "r2"), warehouse.stagedKeys());

    assertEquals(List.of("ratings", "weights"), warehouse.publishStaged("r1"));
    List<JsonNode> jobs = stub.jobConfigurations();
    assertEquals(1, jobs.size(), "one job publishes the run's tables");
    JsonNode query = jobs.get(0).get("query");
    // DDL on permanent tables cannot run inside a transaction, DML (TRUNCATE, INSERT) can:
    // https://cloud.google.com/bigquery/docs/transactions ("Statements supported in
    // transactions"); a failing statement rolls the whole transaction back
    assertEquals(
        "CREATE TABLE IF NOT EXISTS `ratings` LIKE `staging__r1__ratings`;\n"
            + "CREATE TABLE IF NOT EXISTS `weights` LIKE `staging__r1__weights`;\n"
            + "BEGIN TRANSACTION;\n"
            + "TRUNCATE TABLE `ratings`;\n"
            + "INSERT INTO `ratings` SELECT * FROM `staging__r1__ratings`;\n"
            + "TRUNCATE TABLE `weights`;\n"
            + "INSERT INTO `weights` SELECT * FROM `staging__r1__weights`;\n"
            + "COMMIT TRANSACTION;",
        query.get("query").asText());
    assertEquals(false, query.get("useLegacySql").asBoolean(true));
    assertEquals("recopipe", query.at("/defaultDataset/datasetId").asText());
    assertEquals(List.of("r2"), warehouse.stagedKeys(), "r1's staged tables were deleted");

    warehouse.dropStaged("r2");
    assertEquals(List.of(), warehouse.stagedKeys());
    assertEquals(3, stub.requests().stream().filter(r -> r.method().equals("DELETE")).count());
  }

  @Test
  void aRunWithNothingStagedPublishesNothing() throws Exception {
    assertEquals(List.of(), warehouse.publishStaged("r9"));
    assertEquals(List.of(), stub.jobConfigurations());
  }

  @Test
  void aPublishCancelledForAConcurrentTransactionRunsAgainAfterAPause() throws Exception {
    stub.table("ratings", 5)
        .table("staging__r1__ratings", 7)
        .failOnce("BEGIN TRANSACTION;", "invalidQuery", ABORTED);

    assertEquals(List.of("ratings"), warehouse.publishStaged("r1"));
    List<JsonNode> publishes = publishJobs();
    assertEquals(2, publishes.size(), "cancelled once, then committed");
    assertEquals(
        publishes.get(0).at("/configuration/query/query").asText(),
        publishes.get(1).at("/configuration/query/query").asText(),
        "the same script: the cancelled transaction was rolled back whole");
    assertNotEquals(
        publishes.get(0).at("/jobReference/jobId").asText(),
        publishes.get(1).at("/jobReference/jobId").asText(),
        "a job id names one job for good, so the second attempt is a new job");
    assertEquals(1, pauses.size());
    assertTrue(
        pauses.get(0).compareTo(Duration.ofMillis(2500)) >= 0
            && pauses.get(0).compareTo(Duration.ofSeconds(5)) <= 0,
        "the first pause, shortened by up to half: " + pauses);
    assertEquals(List.of(), warehouse.stagedKeys(), "published, so the staged copy is deleted");
  }

  @Test
  void aPublishCancelledEveryTimeGivesUpWithTheReasonAndKeepsTheStagedTables() throws Exception {
    stub.table("ratings", 5)
        .table("staging__r1__ratings", 7)
        .fail("BEGIN TRANSACTION;", "invalidQuery", ABORTED);

    WarehouseException failed =
        assertThrows(WarehouseException.class, () -> warehouse.publishStaged("r1"));
    assertTrue(
        failed
            .getMessage()
            .contains("another publish kept changing the same tables, 3 attempts (job recopipe_"),
        failed.getMessage());
    assertTrue(failed.getMessage().endsWith("invalidQuery: " + ABORTED), failed.getMessage());
    assertEquals(3, publishJobs().size());
    assertEquals(2, pauses.size());
    assertTrue(pauses.get(1).compareTo(Duration.ofSeconds(5)) >= 0, "doubled: " + pauses);
    assertEquals(List.of("r1"), warehouse.stagedKeys(), "the caller decides what to drop");
  }

  @Test
  void anyOtherPublishFailureIsNotRunAgain() throws Exception {
    stub.table("ratings", 5)
        .table("staging__r1__ratings", 7)
        .failOnce(
            "BEGIN TRANSACTION;",
            "invalidQuery",
            "Query column 2 has type STRING which cannot be inserted into column rating");

    WarehouseException failed =
        assertThrows(WarehouseException.class, () -> warehouse.publishStaged("r1"));
    assertTrue(
        failed
            .getMessage()
            .endsWith(
                "invalidQuery: Query column 2 has type STRING which cannot"
                    + " be inserted into column rating"),
        failed.getMessage());
    assertEquals(1, publishJobs().size());
    assertEquals(List.of(), pauses);
  }

  private List<JsonNode> publishJobs() {
    return stub.requests().stream()
        .filter(r -> r.method().equals("POST") && r.path().endsWith("/jobs"))
        .map(BigQueryStub.Request::json)
        .filter(j -> j.at("/configuration/query/query").asText().contains("BEGIN TRANSACTION"))
        .toList();
  }
}
