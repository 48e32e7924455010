package io.recopipe.pipeline.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.recopipe.infra.bigquery.BigQueryApprovalTable;
import io.recopipe.infra.bigquery.BigQueryAuditTable;
import io.recopipe.infra.config.GcpConfig;
import io.recopipe.infra.gcs.GcsHeadAnchor;
import io.recopipe.infra.gcs.GcsStub;
import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.audit.BigQueryAuditLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A loopback BigQuery REST API (jobs.insert, jobs.get, jobs.getQueryResults, tables.get) holding
 * the audit and approval tables in memory, so tests run the real google-cloud-bigquery client
 * against the statements recopipe sends and see their effect: it evaluates exactly the
 * compare-and-append INSERT, the conditional INSERT/UPDATE/DELETE and the SELECTs of the two table
 * classes (by their parameters), records every request, and answers a reused job id with 409
 * duplicate as BigQuery does. A test can make the next job of a statement fail ({@link #failNext})
 * and have jobs stamped with the current time ({@link #jobsCreatedNow}), which makes the client
 * hand back the existing job on a 409 instead of throwing it (it does so for jobs created in the
 * last 24 hours).
 */
public final class LoopbackBigQueryTables implements AutoCloseable {
  /** The project, dataset and location the tests use. */
  public static final GcpConfig CONFIG =
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

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern JOB = Pattern.compile("/bigquery/v2/projects/([^/]+)/jobs/([^/]+)");
  private static final Pattern RESULTS =
      Pattern.compile("/bigquery/v2/projects/([^/]+)/queries/([^/]+)");
  private static final Pattern TABLE =
      Pattern.compile("/bigquery/v2/projects/([^/]+)/datasets/([^/]+)/tables/([^/]+)(/data)?");

  /** One request as it arrived. */
  public record Request(String method, String path, String body) {
    /** The body as JSON. */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** The audit table's rows in insertion order, as column → value text; tests may edit them. */
  public final List<Map<String, String>> audit = new CopyOnWriteArrayList<>();

  /** The approval table's rows. */
  public final List<Map<String, String>> approvals = new CopyOnWriteArrayList<>();

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, ObjectNode> jobs = new HashMap<>();
  private final Map<String, ObjectNode> results = new HashMap<>();
  private final List<String> unrouted = new CopyOnWriteArrayList<>();
  private final Map<String, String> failNext = new LinkedHashMap<>();
  private volatile boolean jobsCreatedNow;

  public LoopbackBigQueryTables() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * The gcp profile's audit log in this server's {@code audit_log} table, its head anchored in
   * {@code anchors} (a loopback Cloud Storage), as {@code BigQueryAuditLog.of} composes it.
   */
  public BigQueryAuditLog auditLog(GcsStub anchors) {
    return new BigQueryAuditLog(
        new BigQueryAuditTable(client(), CONFIG, "audit_log", Duration.ofSeconds(30)),
        GcsHeadAnchor.forAuditTable(anchors.client(), CONFIG, "audit_log"));
  }

  /**
   * The gcp profile's approvals in this server's {@code approvals} table, audited to {@code audit}.
   */
  public BigQueryApprovals approvals(AuditLog audit) {
    return new BigQueryApprovals(
        new BigQueryApprovalTable(client(), CONFIG, "approvals", Duration.ofSeconds(30)), audit);
  }

  /** The real client pointed at this server, without credentials. */
  public BigQuery client() {
    return BigQueryOptions.newBuilder()
        .setHost("http://127.0.0.1:" + server.getAddress().getPort())
        .setProjectId(CONFIG.project())
        .setCredentials(NoCredentials.getInstance())
        .build()
        .getService();
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The jobs.insert bodies, in order. */
  public List<JsonNode> insertedJobs() {
    return requests.stream()
        .filter(r -> r.method().equals("POST") && r.path().endsWith("/jobs"))
        .map(Request::json)
        .toList();
  }

  public List<String> unrouted() {
    return List.copyOf(unrouted);
  }

  /**
   * The next job whose SQL contains {@code fragment} ends DONE with {@code status.errorResult}
   * {@code reason}: {@code message} and changes nothing, as a job refused for a missing permission
   * or a quota does.
   */
  public synchronized void failNext(String fragment, String reason, String message) {
    failNext.put(fragment, reason + "\n" + message);
  }

  /** Stamps every later job with the current time instead of a fixed day in the past. */
  public void jobsCreatedNow() {
    jobsCreatedNow = true;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] raw = exchange.getRequestBody().readAllBytes();
      if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
          raw = in.readAllBytes();
        }
      }
      String body = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      requests.add(new Request(method, path, body));
      Matcher m;
      if (method.equals("POST") && path.endsWith("/jobs")) {
        JsonNode job = JSON.readTree(body);
        String id = job.at("/jobReference/jobId").asText();
        if (jobs.containsKey(id)) {
          send(exchange, 409, error(409, "duplicate", "Already Exists: Job " + id));
        } else {
          send(exchange, 200, run(job));
        }
      } else if (method.equals("GET") && (m = JOB.matcher(path)).matches()) {
        send(exchange, 200, jobs.get(m.group(2)));
      } else if (method.equals("GET") && (m = RESULTS.matcher(path)).matches()) {
        send(exchange, 200, results.get(m.group(2)));
      } else if (method.equals("GET")
          && (m = TABLE.matcher(path)).matches()
          && m.group(4) != null) {
        ObjectNode answer = results.get(m.group(3).substring("anon_".length()));
        ObjectNode data =
            JSON.createObjectNode()
                .put("kind", "bigquery#tableDataList")
                .put("totalRows", answer.get("totalRows").asText());
        data.set("rows", answer.get("rows"));
        send(exchange, 200, data);
      } else if (method.equals("GET") && (m = TABLE.matcher(path)).matches()) {
        ObjectNode table =
            JSON.createObjectNode()
                .put("kind", "bigquery#table")
                .put("id", m.group(1) + ":" + m.group(2) + "." + m.group(3))
                .put("type", "TABLE")
                .put("creationTime", "1764720000000");
        table
            .putObject("tableReference")
            .put("projectId", m.group(1))
            .put("datasetId", m.group(2))
            .put("tableId", m.group(3));
        send(exchange, 200, table);
      } else {
        unrouted.add(method + " " + path);
        send(exchange, 404, error(404, "notFound", "no route for " + method + " " + path));
      }
    }
  }

  /** Evaluates one query job and records it DONE. */
  private ObjectNode run(JsonNode request) {
    String id = request.at("/jobReference/jobId").asText();
    JsonNode query = request.at("/configuration/query");
    String statement = query.get("query").asText();
    String failure =
        failNext.keySet().stream()
            .filter(statement::contains)
            .findFirst()
            .map(failNext::remove)
            .orElse(null);
    // a failed job evaluates nothing
    String sql = failure == null ? statement : "";
    Map<String, String> p = new LinkedHashMap<>();
    for (JsonNode parameter : query.path("queryParameters")) {
      JsonNode value = parameter.at("/parameterValue/value");
      p.put(parameter.get("name").asText(), value.isMissingNode() ? null : value.asText());
    }
    long affected = 0;
    List<Map<String, String>> selected = null;
    List<String> columns;
    boolean auditTable = statement.contains(".audit_log`");
    columns =
        auditTable
            ? List.of("seq", "at", "actor", "action", "subject", "detail", "prev_hash", "hash")
            : List.of(
                "pipeline",
                "version",
                "run_id",
                "state",
                "requested_at",
                "expires_at",
                "started_by",
                "decided_by",
                "decided_at",
                "comment");
    if (auditTable && sql.startsWith("INSERT")) {
      long headSeq = Long.parseLong(p.get("head_seq"));
      long max = audit.stream().mapToLong(r -> Long.parseLong(r.get("seq"))).max().orElse(0);
      String headHash =
          audit.stream()
              .filter(r -> Long.parseLong(r.get("seq")) == headSeq)
              .map(r -> r.get("hash"))
              .findFirst()
              .orElse(null);
      if (max == headSeq && (headSeq == 0 || p.get("prev_hash").equals(headHash))) {
        Map<String, String> row = new LinkedHashMap<>();
        columns.forEach(c -> row.put(c, p.get(c)));
        audit.add(row);
        affected = 1;
      }
    } else if (auditTable && sql.startsWith("SELECT")) {
      List<Map<String, String>> sorted = new ArrayList<>(audit);
      sorted.sort(Comparator.comparingLong(r -> Long.parseLong(r.get("seq"))));
      if (sql.contains("DESC LIMIT 1")) {
        selected = sorted.isEmpty() ? List.of() : List.of(sorted.get(sorted.size() - 1));
      } else {
        selected = sorted;
      }
    } else if (sql.startsWith("INSERT")) {
      if (find(p.get("pipeline"), p.get("version")) == null) {
        Map<String, String> row = new LinkedHashMap<>();
        columns.forEach(c -> row.put(c, p.get(c)));
        approvals.add(row);
        affected = 1;
      }
    } else if (sql.startsWith("UPDATE")) {
      Map<String, String> row = find(p.get("pipeline"), p.get("version"));
      if (row != null && row.get("state").equals(p.get("from_state"))) {
        row.put("state", p.get("to_state"));
        row.put("decided_by", p.get("decided_by"));
        row.put("decided_at", p.get("decided_at"));
        row.put("comment", p.get("comment"));
        affected = 1;
      }
    } else if (sql.startsWith("DELETE")) {
      Map<String, String> row = find(p.get("pipeline"), p.get("version"));
      if (row != null && row.get("state").equals("PENDING")) {
        approvals.remove(row);
        affected = 1;
      }
    } else if (sql.startsWith("SELECT")) {
      selected =
          approvals.stream()
              .filter(r -> !p.containsKey("run_id") || r.get("run_id").equals(p.get("run_id")))
              .filter(r -> !p.containsKey("state") || r.get("state").equals(p.get("state")))
              .filter(
                  r -> !p.containsKey("pipeline") || r.get("pipeline").equals(p.get("pipeline")))
              .filter(r -> !p.containsKey("version") || r.get("version").equals(p.get("version")))
              .toList();
    }
    ObjectNode job = JSON.createObjectNode().put("kind", "bigquery#job");
    job.set("jobReference", request.get("jobReference"));
    job.put("id", request.at("/jobReference/projectId").asText() + ":" + id);
    ObjectNode configuration = request.get("configuration").deepCopy();
    ((ObjectNode) configuration.get("query"))
        .putObject("destinationTable")
        .put("projectId", CONFIG.project())
        .put("datasetId", "_anon")
        .put("tableId", "anon_" + id);
    job.set("configuration", configuration);
    ObjectNode status = job.putObject("status").put("state", "DONE");
    if (failure != null) {
      String[] parts = failure.split("\n", 2);
      ObjectNode error = JSON.createObjectNode().put("reason", parts[0]).put("message", parts[1]);
      status.set("errorResult", error);
      status.putArray("errors").add(error);
    }
    long created = jobsCreatedNow ? System.currentTimeMillis() : 1764720000000L;
    ObjectNode statistics =
        job.putObject("statistics")
            .put("creationTime", Long.toString(created))
            .put("startTime", Long.toString(created + 100))
            .put("endTime", Long.toString(created + 1000));
    ObjectNode queryStatistics = statistics.putObject("query");
    if (failure == null && selected == null) {
      queryStatistics.put("numDmlAffectedRows", Long.toString(affected));
      queryStatistics.put("statementType", sql.substring(0, sql.indexOf(' ')));
    }
    jobs.put(id, job);
    results.put(id, queryResults(job, columns, selected == null ? List.of() : selected));
    return job;
  }

  private Map<String, String> find(String pipeline, String version) {
    return approvals.stream()
        .filter(r -> r.get("pipeline").equals(pipeline) && r.get("version").equals(version))
        .findFirst()
        .orElse(null);
  }

  private static ObjectNode queryResults(
      ObjectNode job, List<String> columns, List<Map<String, String>> rows) {
    ObjectNode results =
        JSON.createObjectNode()
            .put("kind", "bigquery#getQueryResultsResponse")
            .put("jobComplete", true)
            .put("totalRows", Integer.toString(rows.size()));
    results.set("jobReference", job.get("jobReference"));
    ArrayNode fields = results.putObject("schema").putArray("fields");
    for (String column : columns) {
      boolean number = column.equals("seq") || column.equals("version");
      fields.addObject().put("name", column).put("type", number ? "INTEGER" : "STRING");
    }
    ArrayNode out = results.putArray("rows");
    for (Map<String, String> row : rows) {
      ArrayNode cells = out.addObject().putArray("f");
      for (String column : columns) {
        String value = row.get(column);
        if (value == null) {
          cells.addObject().putNull("v");
        } else {
          cells.addObject().put("v", value);
        }
      }
    }
    return results;
  }

  private static ObjectNode error(int code, String reason, String message) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putObject("error").put("code", code).put("message", message);
    error.putArray("errors").addObject().put("reason", reason).put("message", message);
    return body;
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body == null ? JSON.createObjectNode() : body);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
