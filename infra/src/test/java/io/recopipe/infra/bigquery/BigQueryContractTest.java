package io.recopipe.infra.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.warehouse.Column;
import io.recopipe.infra.contract.DiscoveryContract;
import io.recopipe.infra.contract.IamTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every BigQuery REST method the warehouse uses, called by the real google-cloud-bigquery client,
 * pinned request by request: HTTP method, path, query parameter names and the body's fields, each
 * checked by {@link BigQueryStub} against BigQuery's published discovery document (every other test
 * using the stub gets the same check on its requests).
 */
class BigQueryContractTest {
  private static final String P = "/bigquery/v2/projects/recopipe-demo";

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
    assertEquals(List.of(), stub.unrouted(), "requests the published API would refuse");
    stub.close();
  }

  @Test
  void everyWarehouseCallIsAMethodOfTheDiscoveryDocumentWithItsDeclaredFields(@TempDir Path dir)
      throws Exception {
    Path tsv = Files.writeString(dir.resolve("train.tsv"), "1\t31\t2.5\t1260759144\n");
    List<Column> ratings = BigQueryWarehouseTest.RATINGS;
    stub.answer("SELECT COUNT", "[{\"name\":\"n\",\"type\":\"INTEGER\"}]", List.of(List.of(1)))
        .table("train", 1)
        .table("staging__r1__train", 1);

    warehouse.replaceTableFromTsv("train", ratings, tsv);
    warehouse.replaceTable("eval", ratings, List.of(Arrays.asList("1", "31", 2.5, 1L)));
    warehouse.replaceTableAs("top", "SELECT * FROM train");
    assertEquals(List.of(List.of(1L)), warehouse.query("SELECT COUNT(*) AS n FROM train").rows());
    assertTrue(warehouse.hasTable("train"));
    assertEquals(List.of("r1"), warehouse.stagedKeys());
    warehouse.publishStaged("r1");

    List<String> lines = new ArrayList<>();
    for (BigQueryStub.Request r : stub.requests()) {
      if (!r.path().startsWith("/upload/sessions/")) {
        lines.add(
            r.method()
                + " "
                + r.path().replaceAll("recopipe_[a-z]+_[0-9a-f]{32}", "JOB")
                + "?"
                + queryNames(r.query()));
      }
    }
    assertEquals(
        List.of(
            "POST /upload/bigquery/v2/projects/recopipe-demo/jobs?[uploadType]",
            "GET " + P + "/jobs/JOB?[fields, location, prettyPrint]",
            "GET " + P + "/jobs/JOB?[location, prettyPrint]",
            "POST /upload/bigquery/v2/projects/recopipe-demo/jobs?[uploadType]",
            "GET " + P + "/jobs/JOB?[fields, location, prettyPrint]",
            "GET " + P + "/jobs/JOB?[location, prettyPrint]",
            "POST " + P + "/jobs?[prettyPrint]",
            "GET " + P + "/queries/JOB?[location, maxResults, prettyPrint]",
            "GET " + P + "/jobs/JOB?[location, prettyPrint]",
            "POST " + P + "/jobs?[prettyPrint]",
            "GET " + P + "/queries/JOB?[location, maxResults, prettyPrint]",
            "GET " + P + "/jobs/JOB?[location, prettyPrint]",
            "GET " + P + "/queries/JOB?[location, maxResults, prettyPrint]",
            "GET " + P + "/datasets/_anon/tables/anon_JOB/data?[prettyPrint]",
            "GET " + P + "/datasets/recopipe/tables/train?[prettyPrint, view]",
            "GET " + P + "/datasets/recopipe/tables?[prettyPrint]",
            "GET " + P + "/datasets/recopipe/tables?[prettyPrint]",
            "POST " + P + "/jobs?[prettyPrint]",
            "GET " + P + "/queries/JOB?[location, maxResults, prettyPrint]",
            "GET " + P + "/jobs/JOB?[location, prettyPrint]",
            "DELETE " + P + "/datasets/recopipe/tables/staging__r1__train?[]"),
        lines,
        "the requests, in order");
    assertEquals(
        List.of(
            "bigquery.jobs.insert",
            "bigquery.jobs.get",
            "bigquery.jobs.get",
            "bigquery.jobs.insert",
            "bigquery.jobs.get",
            "bigquery.jobs.get",
            "bigquery.jobs.insert",
            "bigquery.jobs.getQueryResults",
            "bigquery.jobs.get",
            "bigquery.jobs.insert",
            "bigquery.jobs.getQueryResults",
            "bigquery.jobs.get",
            "bigquery.jobs.getQueryResults",
            "bigquery.tabledata.list",
            "bigquery.tables.get",
            "bigquery.tables.list",
            "bigquery.tables.list",
            "bigquery.jobs.insert",
            "bigquery.jobs.getQueryResults",
            "bigquery.jobs.get",
            "bigquery.tables.delete"),
        stub.methods(),
        "the discovery method of each request");

    TreeSet<String> called = new TreeSet<>(stub.methods());
    assertTrue(
        IamTable.calledMethods().containsAll(called),
        called + " all have a row in iam-methods.csv");

    List<TreeSet<String>> jobs = new ArrayList<>();
    for (BigQueryStub.Request r : stub.requests()) {
      if (r.method().equals("POST") && r.path().endsWith("/jobs")) {
        jobs.add(DiscoveryContract.leafPaths(r.json()));
      }
    }
    assertEquals(
        List.of(
            new TreeSet<>(
                List.of(
                    "/configuration/load/createDisposition",
                    "/configuration/load/destinationTable/datasetId",
                    "/configuration/load/destinationTable/projectId",
                    "/configuration/load/destinationTable/tableId",
                    "/configuration/load/encoding",
                    "/configuration/load/fieldDelimiter",
                    "/configuration/load/quote",
                    "/configuration/load/schema/fields[]/mode",
                    "/configuration/load/schema/fields[]/name",
                    "/configuration/load/schema/fields[]/type",
                    "/configuration/load/skipLeadingRows",
                    "/configuration/load/sourceFormat",
                    "/configuration/load/writeDisposition",
                    "/jobReference/jobId",
                    "/jobReference/location",
                    "/jobReference/projectId")),
            new TreeSet<>(
                List.of(
                    "/configuration/load/createDisposition",
                    "/configuration/load/destinationTable/datasetId",
                    "/configuration/load/destinationTable/projectId",
                    "/configuration/load/destinationTable/tableId",
                    "/configuration/load/schema/fields[]/mode",
                    "/configuration/load/schema/fields[]/name",
                    "/configuration/load/schema/fields[]/type",
                    "/configuration/load/sourceFormat",
                    "/configuration/load/writeDisposition",
                    "/jobReference/jobId",
                    "/jobReference/location",
                    "/jobReference/projectId")),
            new TreeSet<>(
                List.of(
                    "/configuration/query/createDisposition",
                    "/configuration/query/defaultDataset/datasetId",
                    "/configuration/query/defaultDataset/projectId",
                    "/configuration/query/destinationTable/datasetId",
                    "/configuration/query/destinationTable/projectId",
                    "/configuration/query/destinationTable/tableId",
                    "/configuration/query/query",
                    "/configuration/query/useLegacySql",
                    "/configuration/query/writeDisposition",
                    "/jobReference/jobId",
                    "/jobReference/location",
                    "/jobReference/projectId")),
            new TreeSet<>(
                List.of(
                    "/configuration/query/defaultDataset/datasetId",
                    "/configuration/query/defaultDataset/projectId",
                    "/configuration/query/query",
                    "/configuration/query/useLegacySql",
                    "/jobReference/jobId",
                    "/jobReference/location",
                    "/jobReference/projectId")),
            new TreeSet<>(
                List.of(
                    "/configuration/query/defaultDataset/datasetId",
                    "/configuration/query/defaultDataset/projectId",
                    "/configuration/query/query",
                    "/configuration/query/useLegacySql",
                    "/jobReference/jobId",
                    "/jobReference/location",
                    "/jobReference/projectId"))),
        jobs,
        "the fields of every job sent: TSV load, JSON load, query into a table, query, publish");
  }

  private static TreeSet<String> queryNames(String query) {
    TreeSet<String> names = new TreeSet<>();
    if (query != null) {
      Arrays.stream(query.split("&")).forEach(p -> names.add(p.split("=", 2)[0]));
    }
    return names;
  }

  @Test
  void aFieldTheDiscoveryDocumentDoesNotDeclareIsRefused() {
    String job =
        "{\"jobReference\":{\"projectId\":\"p\",\"jobId\":\"j\"},"
            + "\"configuration\":{\"query\":{\"query\":\"SELECT 1\",\"legacySql\":false}}}";
    AssertionError error =
        org.junit.jupiter.api.Assertions.assertThrows(
            AssertionError.class,
            () -> BigQueryStub.CONTRACT.check("POST", P + "/jobs", null, job));
    assertTrue(error.getMessage().contains("/configuration/query/legacySql"), error.getMessage());
    org.junit.jupiter.api.Assertions.assertThrows(
        AssertionError.class,
        () -> BigQueryStub.CONTRACT.check("PATCH", P + "/jobs/j", null, null));
    org.junit.jupiter.api.Assertions.assertThrows(
        AssertionError.class,
        () -> BigQueryStub.CONTRACT.check("GET", P + "/jobs/j", "pageSize=3", null));
  }
}
