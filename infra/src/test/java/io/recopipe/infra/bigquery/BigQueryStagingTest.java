package io.recopipe.infra.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.components.warehouse.Column;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run's staged tables on BigQuery, against the real client and a local HTTP stub: a run writes
 * {@code staging__KEY__TABLE}; publishing moves them all over their tables in one transaction and
 * deletes them; dropping deletes them; other runs' staged tables are left alone.
 */
class BigQueryStagingTest {
  private BigQueryStub stub;
  private BigQueryWarehouse warehouse;

  @BeforeEach
  void start() throws Exception {
    stub = new BigQueryStub();
    warehouse =
        new BigQueryWarehouse(
            stub.client("recopipe-demo"), BigQueryWarehouseTest.CONFIG, Duration.ofSeconds(30));
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
}
