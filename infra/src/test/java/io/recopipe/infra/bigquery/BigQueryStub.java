package io.recopipe.infra.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.recopipe.infra.contract.DiscoveryContract;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A loopback stand-in for the BigQuery REST API (jobs.insert, resumable uploads, jobs.get,
 * jobs.getQueryResults, tabledata.list, tables.get), so tests run the real google-cloud-bigquery
 * client and assert the exact requests it sends. Every job finishes at once; a query job answers
 * with the canned result of the first registered SQL fragment its text contains. Every request is
 * first checked against BigQuery's published discovery document ({@link DiscoveryContract}): one
 * the real API would not accept is answered 400 and listed in {@link #unrouted()}.
 */
final class BigQueryStub implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final DiscoveryContract CONTRACT = DiscoveryContract.load("bigquery-v2.discovery.json");
  private static final Pattern JOB = Pattern.compile("/bigquery/v2/projects/([^/]+)/jobs/([^/]+)");
  private static final Pattern RESULTS =
      Pattern.compile("/bigquery/v2/projects/([^/]+)/queries/([^/]+)");
  private static final Pattern TABLES =
      Pattern.compile("/bigquery/v2/projects/([^/]+)/datasets/([^/]+)/tables");
  private static final Pattern TABLE =
      Pattern.compile("/bigquery/v2/projects/([^/]+)/datasets/([^/]+)/tables/([^/]+)(/data)?");

  /** One request as it arrived, body decompressed. */
  record Request(String method, String path, String query, String body, boolean gzipped) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A canned query result: BigQuery schema fields and rows of plain values. */
  record Answer(JsonNode fields, List<List<Object>> rows) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Answer> answers = new LinkedHashMap<>();
  private final Map<String, String> failures = new LinkedHashMap<>();
  private final Map<String, String> failOnce = new LinkedHashMap<>();
  private final Map<String, ObjectNode> jobs = new HashMap<>();
  private final Map<String, Answer> tableData = new HashMap<>();
  private final Map<String, Long> tables = new HashMap<>();
  private final Map<String, JsonNode> uploads = new HashMap<>();
  private final List<byte[]> uploaded = new CopyOnWriteArrayList<>();
  private final List<String> unrouted = new CopyOnWriteArrayList<>();
  private final List<String> methods = new CopyOnWriteArrayList<>();

  BigQueryStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The real client pointed at this stub, without credentials. */
  BigQuery client(String project) {
    return BigQueryOptions.newBuilder()
        .setHost(baseUrl())
        .setProjectId(project)
        .setCredentials(NoCredentials.getInstance())
        .build()
        .getService();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Query jobs whose SQL contains {@code fragment} return {@code rows} with {@code fields}. */
  BigQueryStub answer(String fragment, String fieldsJson, List<List<Object>> rows)
      throws IOException {
    answers.put(fragment, new Answer(JSON.readTree(fieldsJson), rows));
    return this;
  }

  /** Query jobs whose SQL contains {@code fragment} finish with {@code reason}: message. */
  BigQueryStub fail(String fragment, String reason, String message) {
    failures.put(fragment, reason + "\n" + message);
    return this;
  }

  /**
   * The next query job whose SQL contains {@code fragment} finishes with {@code reason}: message.
   */
  BigQueryStub failOnce(String fragment, String reason, String message) {
    failOnce.put(fragment, reason + "\n" + message);
    return this;
  }

  /** tables.get finds {@code table} with {@code rows} rows. */
  BigQueryStub table(String table, long rows) {
    tables.put(table, rows);
    return this;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The job configurations sent by jobs.insert and upload starts, in order. */
  List<JsonNode> jobConfigurations() {
    List<JsonNode> configurations = new ArrayList<>();
    for (Request request : requests) {
      if (request.method().equals("POST") && request.path().endsWith("/jobs")) {
        configurations.add(request.json().get("configuration"));
      }
    }
    return configurations;
  }

  /** The SQL of every query job, in order. */
  List<String> queries() {
    return jobConfigurations().stream()
        .filter(c -> c.has("query"))
        .map(c -> c.get("query").get("query").asText())
        .toList();
  }

  /** The bytes of every finished upload, in order. */
  List<String> uploadedTexts() {
    return uploaded.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
  }

  /** The discovery method id of every request, in order (upload session PUTs left out). */
  List<String> methods() {
    return List.copyOf(methods);
  }

  /** Requests the stub had no route for (a test expecting none asserts this is empty). */
  List<String> unrouted() {
    return List.copyOf(unrouted);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = decoded(exchange);
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      requests.add(
          new Request(
              method,
              path,
              exchange.getRequestURI().getQuery(),
              new String(body, StandardCharsets.UTF_8),
              "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))));
      if (!path.startsWith("/upload/sessions/")) {
        try {
          methods.add(
              CONTRACT.check(
                  method,
                  exchange.getRequestURI().getRawPath(),
                  exchange.getRequestURI().getRawQuery(),
                  new String(body, StandardCharsets.UTF_8)));
        } catch (AssertionError e) {
          unrouted.add(e.getMessage());
          send(exchange, 400, error(400, "invalid", e.getMessage()));
          return;
        }
      }
      Matcher m;
      if (method.equals("POST") && path.startsWith("/upload/") && path.endsWith("/jobs")) {
        String session = "session" + uploads.size();
        uploads.put(session, JSON.readTree(body));
        exchange.getResponseHeaders().add("Location", baseUrl() + "/upload/sessions/" + session);
        send(exchange, 200, JSON.createObjectNode());
      } else if (method.equals("PUT") && path.startsWith("/upload/sessions/")) {
        uploaded.add(body);
        send(exchange, 200, insert(uploads.get(path.substring(path.lastIndexOf('/') + 1))));
      } else if (method.equals("POST") && path.endsWith("/jobs")) {
        send(exchange, 200, insert(JSON.readTree(body)));
      } else if (method.equals("GET") && (m = JOB.matcher(path)).matches()) {
        send(exchange, 200, jobs.get(m.group(2)));
      } else if (method.equals("GET") && (m = RESULTS.matcher(path)).matches()) {
        send(exchange, 200, queryResults(jobs.get(m.group(2))));
      } else if (method.equals("GET") && (m = TABLE.matcher(path)).matches()) {
        table(exchange, m);
      } else if (method.equals("GET") && (m = TABLES.matcher(path)).matches()) {
        ObjectNode list = JSON.createObjectNode().put("kind", "bigquery#tableList");
        for (String name : new java.util.TreeSet<>(tables.keySet())) {
          list.withArray("tables")
              .addObject()
              .put("kind", "bigquery#table")
              .put("type", "TABLE")
              .putObject("tableReference")
              .put("projectId", m.group(1))
              .put("datasetId", m.group(2))
              .put("tableId", name);
        }
        send(exchange, 200, list);
      } else if (method.equals("DELETE") && (m = TABLE.matcher(path)).matches()) {
        tables.remove(m.group(3));
        exchange.sendResponseHeaders(204, -1);
      } else {
        unrouted.add(method + " " + path);
        send(exchange, 404, error(404, "notFound", "stub has no route for " + method + " " + path));
      }
    }
  }

  private void table(HttpExchange exchange, Matcher m) throws IOException {
    String name = m.group(3);
    if (m.group(4) != null) {
      Answer answer = tableData.get(name);
      ObjectNode data =
          JSON.createObjectNode()
              .put("kind", "bigquery#tableDataList")
              .put("totalRows", Integer.toString(answer.rows().size()));
      data.set("rows", rows(answer));
      send(exchange, 200, data);
    } else if (tables.containsKey(name)) {
      ObjectNode table =
          JSON.createObjectNode()
              .put("kind", "bigquery#table")
              .put("id", m.group(1) + ":" + m.group(2) + "." + name)
              .put("type", "TABLE")
              .put("numRows", Long.toString(tables.get(name)));
      table
          .putObject("tableReference")
          .put("projectId", m.group(1))
          .put("datasetId", m.group(2))
          .put("tableId", name);
      send(exchange, 200, table);
    } else {
      send(
          exchange,
          404,
          error(404, "notFound", "Not found: Table " + m.group(1) + ":" + m.group(2) + "." + name));
    }
  }

  /** Records a job as DONE (with its answer or failure) and returns its resource. */
  private ObjectNode insert(JsonNode request) {
    ObjectNode job = JSON.createObjectNode().put("kind", "bigquery#job");
    JsonNode reference = request.get("jobReference");
    String id = reference.get("jobId").asText();
    job.set("jobReference", reference);
    job.put("id", reference.get("projectId").asText() + ":" + id);
    ObjectNode configuration = (ObjectNode) request.get("configuration").deepCopy();
    job.set("configuration", configuration);
    ObjectNode status = job.putObject("status").put("state", "DONE");
    ObjectNode statistics =
        job.putObject("statistics")
            .put("creationTime", "1700000000000")
            .put("startTime", "1700000000100")
            .put("endTime", "1700000001000");
    if (configuration.has("query")) {
      String sql = configuration.get("query").get("query").asText();
      ObjectNode query = (ObjectNode) configuration.get("query");
      if (!query.has("destinationTable")) {
        query
            .putObject("destinationTable")
            .put("projectId", reference.get("projectId").asText())
            .put("datasetId", "_anon")
            .put("tableId", "anon_" + id);
      }
      statistics
          .putObject("query")
          .put("totalBytesProcessed", "1048576")
          .put("totalBytesBilled", "10485760");
      failOnce.keySet().stream()
          .filter(sql::contains)
          .findFirst()
          .map(failOnce::remove)
          .ifPresent(failure -> failed(status, failure));
      failures.forEach(
          (fragment, failure) -> {
            if (sql.contains(fragment) && !status.has("errorResult")) {
              failed(status, failure);
            }
          });
      tableData.put(query.get("destinationTable").get("tableId").asText(), answerFor(sql));
    }
    jobs.put(id, job);
    return job;
  }

  private static void failed(ObjectNode status, String failure) {
    String[] parts = failure.split("\n", 2);
    status.set(
        "errorResult", JSON.createObjectNode().put("reason", parts[0]).put("message", parts[1]));
  }

  private Answer answerFor(String sql) {
    for (Map.Entry<String, Answer> answer : answers.entrySet()) {
      if (sql.contains(answer.getKey())) {
        return answer.getValue();
      }
    }
    return new Answer(JSON.createArrayNode(), List.of());
  }

  private ObjectNode queryResults(ObjectNode job) {
    JsonNode query = job.get("configuration").get("query");
    Answer answer = tableData.get(query.get("destinationTable").get("tableId").asText());
    ObjectNode results =
        JSON.createObjectNode()
            .put("kind", "bigquery#getQueryResultsResponse")
            .put("jobComplete", true)
            .put("totalRows", Integer.toString(answer.rows().size()));
    results.set("jobReference", job.get("jobReference"));
    results.putObject("schema").set("fields", answer.fields());
    if (job.get("status").has("errorResult")) {
      results.set("errors", JSON.createArrayNode().add(job.get("status").get("errorResult")));
    }
    return results;
  }

  private static ArrayNode rows(Answer answer) {
    ArrayNode rows = JSON.createArrayNode();
    for (List<Object> row : answer.rows()) {
      rows.add(record(row));
    }
    return rows;
  }

  /** A row or STRUCT in BigQuery's {@code {"f":[{"v":…}]}} form; numbers travel as strings. */
  private static ObjectNode record(List<?> values) {
    ObjectNode record = JSON.createObjectNode();
    ArrayNode cells = record.putArray("f");
    for (Object value : values) {
      cells.add(cell(value));
    }
    return record;
  }

  private static ObjectNode cell(Object value) {
    ObjectNode cell = JSON.createObjectNode();
    if (value == null) {
      cell.putNull("v");
    } else if (value instanceof Map<?, ?> struct) {
      cell.set("v", record(new ArrayList<>(struct.values())));
    } else if (value instanceof List<?> list) {
      ArrayNode items = cell.putArray("v");
      list.forEach(item -> items.add(cell(item)));
    } else {
      cell.put("v", value.toString());
    }
    return cell;
  }

  private static ObjectNode error(int code, String reason, String message) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putObject("error").put("code", code).put("message", message);
    error.putArray("errors").addObject().put("reason", reason).put("message", message);
    return body;
  }

  private static byte[] decoded(HttpExchange exchange) throws IOException {
    byte[] raw = exchange.getRequestBody().readAllBytes();
    if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
        return in.readAllBytes();
      }
    }
    return raw;
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body == null ? JSON.createObjectNode() : body);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
