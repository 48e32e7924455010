package io.recopipe.infra.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.components.warehouse.Column;
import io.recopipe.components.warehouse.QueryResult;
import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.infra.config.GcpConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BigQueryWarehouseTest {
  static final GcpConfig CONFIG =
      new GcpConfig(
          "recopipe-demo",
          "europe-west1",
          "recopipe",
          "EU",
          "recopipe-demo-artifacts",
          "recopipe",
          "recopipe",
          "recommender",
          "pipeline@recopipe-demo.iam.gserviceaccount.com",
          "serving@recopipe-demo.iam.gserviceaccount.com",
          List.of());
  static final List<Column> RATINGS =
      List.of(
          new Column("user_id", "VARCHAR"),
          new Column("item_id", "VARCHAR"),
          new Column("rating", "DOUBLE"),
          new Column("timestamp", "BIGINT"));

  private BigQueryStub stub;
  private BigQueryWarehouse warehouse;

  @BeforeEach
  void start() throws Exception {
    stub = new BigQueryStub();
    warehouse = new BigQueryWarehouse(stub.client("recopipe-demo"), CONFIG, Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() {
    assertEquals(List.of(), stub.unrouted(), "requests the real API would not understand");
    stub.close();
  }

  @Test
  void loadsATsvFileWithOneTruncatingTabDelimitedLoadJob(@TempDir Path dir) throws Exception {
    Path tsv =
        Files.writeString(
            dir.resolve("train.tsv"), "1\t31\t2.5\t1260759144\n" + "1\t1029\t3.0\t1260759179\n");
    warehouse.replaceTableFromTsv("train", RATINGS, tsv);

    BigQueryStub.Request start = stub.requests().get(0);
    assertEquals(
        "POST /upload/bigquery/v2/projects/recopipe-demo/jobs",
        start.method() + " " + start.path());
    assertTrue(start.query().contains("uploadType=resumable"), start.query());
    JsonNode job = start.json();
    assertEquals("EU", job.at("/jobReference/location").asText());
    assertTrue(job.at("/jobReference/jobId").asText().startsWith("recopipe_load_"));
    JsonNode load = job.at("/configuration/load");
    assertEquals("CSV", load.get("sourceFormat").asText());
    assertEquals("\t", load.get("fieldDelimiter").asText());
    assertEquals("", load.get("quote").asText());
    assertEquals("UTF-8", load.get("encoding").asText());
    assertEquals("WRITE_TRUNCATE", load.get("writeDisposition").asText());
    assertEquals("CREATE_IF_NEEDED", load.get("createDisposition").asText());
    assertEquals(
        "{\"datasetId\":\"recopipe\",\"projectId\":\"recopipe-demo\"," + "\"tableId\":\"train\"}",
        BigQueryStub.JSON.writeValueAsString(sorted(load.get("destinationTable"))));
    assertEquals(
        "[{\"mode\":\"NULLABLE\",\"name\":\"user_id\",\"type\":\"STRING\"},"
            + "{\"mode\":\"NULLABLE\",\"name\":\"item_id\",\"type\":\"STRING\"},"
            + "{\"mode\":\"NULLABLE\",\"name\":\"rating\",\"type\":\"FLOAT\"},"
            + "{\"mode\":\"NULLABLE\",\"name\":\"timestamp\",\"type\":\"INTEGER\"}]",
        fields(load));
    assertEquals(List.of(Files.readString(tsv)), stub.uploadedTexts());
  }

  @Test
  void loadsRowsAsNewlineDelimitedJsonWithListColumns() throws Exception {
    List<Column> columns =
        List.of(
            new Column("feature", "VARCHAR"),
            new Column("weights", "DOUBLE[]"),
            new Column("seen", "BOOLEAN"),
            new Column("at", "TIMESTAMP"));
    warehouse.replaceTable(
        "weights",
        columns,
        List.of(
            Arrays.asList("u\t1", List.of(0.5, -1.25), true, Instant.parse("2026-01-02T03:04:05Z")),
            Arrays.asList("i'2", List.of(), null, null)));

    JsonNode load = stub.jobConfigurations().get(0).get("load");
    assertEquals("NEWLINE_DELIMITED_JSON", load.get("sourceFormat").asText());
    assertEquals("WRITE_TRUNCATE", load.get("writeDisposition").asText());
    assertEquals(
        "[{\"mode\":\"NULLABLE\",\"name\":\"feature\",\"type\":\"STRING\"},"
            + "{\"mode\":\"REPEATED\",\"name\":\"weights\",\"type\":\"FLOAT\"},"
            + "{\"mode\":\"NULLABLE\",\"name\":\"seen\",\"type\":\"BOOLEAN\"},"
            + "{\"mode\":\"NULLABLE\",\"name\":\"at\",\"type\":\"TIMESTAMP\"}]",
        fields(load));
    assertEquals(
        List.of(
            "{\"feature\":\"u\\t1\",\"weights\":[0.5,-1.25],\"seen\":true,"
                + "\"at\":\"2026-01-02T03:04:05Z\"}\n{\"feature\":\"i'2\",\"weights\":[]}\n"),
        stub.uploadedTexts());
  }

  @Test
  void replacesATableFromAQueryInTheDataset() throws Exception {
    warehouse.replaceTableAs("top_items", "SELECT item_id, COUNT(*) AS n FROM ratings GROUP BY 1");

    BigQueryStub.Request insert = stub.requests().get(0);
    assertEquals(
        "POST /bigquery/v2/projects/recopipe-demo/jobs", insert.method() + " " + insert.path());
    assertTrue(insert.gzipped(), "the client compresses request bodies");
    JsonNode query = insert.json().at("/configuration/query");
    assertEquals(
        "SELECT item_id, COUNT(*) AS n FROM ratings GROUP BY 1", query.get("query").asText());
    assertFalse(query.get("useLegacySql").asBoolean(true));
    assertEquals("WRITE_TRUNCATE", query.get("writeDisposition").asText());
    assertEquals("top_items", query.at("/destinationTable/tableId").asText());
    assertEquals("recopipe", query.at("/destinationTable/datasetId").asText());
    assertEquals("recopipe", query.at("/defaultDataset/datasetId").asText());
    assertEquals("recopipe-demo", query.at("/defaultDataset/projectId").asText());
  }

  @Test
  void queriesReturnPlainValuesIncludingNestedRecords() throws Exception {
    stub.answer(
        "FROM train",
        "[{\"name\":\"user_id\",\"type\":\"STRING\"},"
            + "{\"name\":\"n\",\"type\":\"INTEGER\"},{\"name\":\"mean\",\"type\":\"FLOAT\"},"
            + "{\"name\":\"ok\",\"type\":\"BOOLEAN\"},"
            + "{\"name\":\"f\",\"type\":\"RECORD\",\"mode\":\"REPEATED\",\"fields\":["
            + "{\"name\":\"factor\",\"type\":\"INTEGER\"},{\"name\":\"weight\",\"type\":\"FLOAT\"}]}]",
        List.of(Arrays.asList("7", 3, 2.5, true, List.of(struct(1, 0.25), struct(2, -0.5)))));
    QueryResult result = warehouse.query("SELECT user_id, COUNT(*) n FROM train GROUP BY 1");

    assertEquals(List.of("user_id", "n", "mean", "ok", "f"), result.columns());
    List<Object> row = result.rows().get(0);
    assertEquals(List.of("7", 3L, 2.5, true), row.subList(0, 4));
    assertEquals("[{factor=1, weight=0.25}, {factor=2, weight=-0.5}]", row.get(4).toString());
    assertTrue(
        stub.requests().stream().anyMatch(r -> r.path().endsWith("/data")),
        "rows are read with tabledata.list");
  }

  @Test
  void hasTableAsksTablesGet() throws Exception {
    stub.table("train", 10);
    assertTrue(warehouse.hasTable("train"));
    assertFalse(warehouse.hasTable("eval"));
    assertEquals(
        "/bigquery/v2/projects/recopipe-demo/datasets/recopipe/tables/eval",
        stub.requests().get(1).path());
  }

  @Test
  void aFailedJobNamesTheTableTheJobAndBigQuerysReason() throws Exception {
    stub.fail("FROM nowhere", "invalidQuery", "Unrecognized name: nowhere at [1:15]");
    WarehouseException e =
        assertThrows(
            WarehouseException.class,
            () -> warehouse.replaceTableAs("copy", "SELECT * FROM nowhere"));
    assertTrue(
        e.getMessage()
            .matches(
                "table copy as SELECT \\* FROM nowhere \\(job "
                    + "recopipe_query_[0-9a-f]{32}\\): invalidQuery: Unrecognized name: nowhere at \\[1:15]"),
        e.getMessage());
  }

  @Test
  void refusesNamesThatAreNotPlainIdentifiers() {
    WarehouseException e =
        assertThrows(
            WarehouseException.class,
            () -> warehouse.replaceTableAs("x; DROP TABLE y", "SELECT 1"));
    assertTrue(e.getMessage().startsWith("invalid table name 'x; DROP TABLE y'"), e.getMessage());
    assertTrue(stub.requests().isEmpty());
  }

  private static java.util.Map<String, Object> struct(int factor, double weight) {
    java.util.Map<String, Object> struct = new java.util.LinkedHashMap<>();
    struct.put("factor", factor);
    struct.put("weight", weight);
    return struct;
  }

  private static String fields(JsonNode load) throws Exception {
    StringBuilder out = new StringBuilder("[");
    for (JsonNode field : load.at("/schema/fields")) {
      out.append(out.length() > 1 ? "," : "")
          .append(BigQueryStub.JSON.writeValueAsString(sorted(field)));
    }
    return out.append(']').toString();
  }

  private static JsonNode sorted(JsonNode node) {
    java.util.TreeMap<String, JsonNode> map = new java.util.TreeMap<>();
    node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
    return BigQueryStub.JSON.valueToTree(map);
  }
}
