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
 * {@code staging__KEY__TABLE}; publishing copies each over its table with WRITE_TRUNCATE and
 * deletes it; dropping deletes them; other runs' staged tables are left alone.
 */
class BigQueryStagingTest {
  private BigQueryStub stub;
  private BigQueryWarehouse warehouse;

  @BeforeEach
  void start() throws Exception {
    stub = new BigQueryStub();
    warehouse = new BigQueryWarehouse(stub.client("recopipe-demo"),
        BigQueryWarehouseTest.CONFIG, Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() {
    assertEquals(List.of(), stub.unrouted(), "requests the real API would not understand");
    stub.close();
  }

  @Test
  void aRunWritesItsStagedTable() throws Exception {
    warehouse.staged("r1").replaceTable("weights", List.of(new Column("id", "VARCHAR")),
        List.of(List.of("u1")));
    JsonNode load = stub.jobConfigurations().get(0).get("load");
    assertEquals("staging__r1__weights", load.at("/destinationTable/tableId").asText());
    assertEquals("WRITE_TRUNCATE", load.get("writeDisposition").asText());
  }

  @Test
  void publishingCopiesEachStagedTableOverItsTargetThenDeletesIt() throws Exception {
    stub.table("ratings", 5).table("staging__r1__ratings", 7).table("staging__r1__weights", 3)
        .table("staging__r2__evaluation", 1);
    assertEquals(List.of("r1", "r2"), warehouse.stagedKeys());

    assertEquals(List.of("ratings", "weights"), warehouse.publishStaged("r1"));
    List<JsonNode> copies = stub.jobConfigurations().stream().map(c -> c.get("copy")).toList();
    assertEquals(2, copies.size());
    assertEquals("staging__r1__ratings", copies.get(0).at("/sourceTables/0/tableId").asText());
    assertEquals("ratings", copies.get(0).at("/destinationTable/tableId").asText());
    assertEquals("WRITE_TRUNCATE", copies.get(0).get("writeDisposition").asText());
    assertEquals(List.of("r2"), warehouse.stagedKeys(), "r1's staged tables were deleted");

    warehouse.dropStaged("r2");
    assertEquals(List.of(), warehouse.stagedKeys());
    assertEquals(3, stub.requests().stream().filter(r -> r.method().equals("DELETE")).count());
  }
}
