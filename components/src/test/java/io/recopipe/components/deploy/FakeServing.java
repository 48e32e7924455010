package io.recopipe.components.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.scoring.Recommendation;
import io.recopipe.model.scoring.Recommender;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for the serving process (test code): the contract's flags, state file, /readyz,
 * :predict scored by the model module, model status and the admin API, on the JDK's HttpServer, so
 * the deploy is tested against a real child process while the real server is being written.
 * HttpServer cannot set SO_REUSEPORT, so {@code /admin/listen} answers 409 while the port is busy.
 * A file {@code fake-never-ready} in the bundle keeps /readyz at 503.
 */
public final class FakeServing {
  private final MfModel model;
  private final Optional<RatingRange> range;
  private final String modelName;
  private final String version;
  private final boolean neverReady;
  private final List<HttpServer> publics = new CopyOnWriteArrayList<>();
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private HttpServer admin;

  private FakeServing(Path bundle, String modelName) throws Exception {
    ModelBundle loaded = ModelBundle.load(bundle);
    this.model = loaded.model();
    this.range = loaded.manifest().predictionRange(); // clamped as the real server clamps
    this.modelName = modelName;
    byte[] digest =
        MessageDigest.getInstance("SHA-256")
            .digest(Files.readAllBytes(bundle.resolve("manifest.json")));
    this.version = HexFormat.of().formatHex(digest).substring(0, 12);
    this.neverReady = Files.exists(bundle.resolve("fake-never-ready"));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--reuse-port")) {
        flags.put("reuse-port", "true");
      } else {
        flags.put(args[i].substring(2), args[++i]);
      }
    }
    FakeServing server =
        new FakeServing(
            Path.of(flags.get("bundle")), flags.getOrDefault("model-name", "recommender_model"));
    server.listen(Integer.parseInt(flags.getOrDefault("port", "8080")));
    server.admin =
        HttpServer.create(
            new InetSocketAddress(
                "127.0.0.1", Integer.parseInt(flags.getOrDefault("admin-port", "0"))),
            64);
    server.admin.createContext("/", server::admin);
    server.admin.setExecutor(server.pool);
    server.admin.start();
    if (flags.containsKey("state-file")) {
      server.writeState(Path.of(flags.get("state-file")));
    }
    System.out.println("fake serving ready on " + server.publics.get(0).getAddress());
  }

  private void listen(int port) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(port), 64);
    http.createContext("/", this::publicApi);
    http.setExecutor(pool);
    http.start();
    publics.add(http);
  }

  private void writeState(Path file) throws IOException {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("pid", ProcessHandle.current().pid());
    state.put("port", publics.get(0).getAddress().getPort());
    state.put("admin_port", admin.getAddress().getPort());
    state.put("model_name", modelName);
    state.put("model_version", version);
    state.put("run_id", "fake");
    state.put("started_at", Instant.now().toString());
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temp, Json.compact(Json.valueOf(state)));
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
  }

  private void publicApi(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String base = "/v1/models/" + modelName;
    try {
      if (path.equals("/readyz") || path.equals("/healthz")) {
        boolean ok = path.equals("/healthz") || !neverReady;
        send(exchange, ok ? 200 : 503, Map.of("status", ok ? "ok" : "loading"));
      } else if (path.equals(base + ":predict")) {
        send(
            exchange,
            200,
            predict(JsonFields.asObject(Json.parse(exchange.getRequestBody().readAllBytes()))));
      } else if (path.equals(base)) {
        send(
            exchange,
            200,
            Map.of(
                "model_version_status", List.of(Map.of("version", version, "state", "AVAILABLE"))));
      } else if (path.equals(base + "/metadata")) {
        send(exchange, 200, Map.of("model_version", version));
      } else {
        send(exchange, 404, Map.of("error", "not found: " + path));
      }
    } catch (RuntimeException e) {
      send(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
    }
  }

  private Map<String, Object> predict(ObjectNode request) {
    List<Object> predictions = new ArrayList<>();
    Recommender recommender = Recommender.of(model);
    for (JsonNode instance : JsonFields.array(request, "instances")) {
      ObjectNode in = JsonFields.asObject(instance);
      JsonNode id = JsonFields.require(in, "user_id");
      String user = id.isTextual() ? id.textValue() : Long.toString(JsonFields.asLong(id));
      int k = in.has("k") ? JsonFields.intValue(in, "k") : 50;
      Recommendation r = recommender.recommend(user, k, false);
      List<Double> ratings = new ArrayList<>();
      for (float f : r.ratings()) {
        ratings.add((double) (range.isPresent() ? range.get().clamp(f) : f));
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("predicted_rating", ratings);
      out.put("predicted_item_id", r.itemIds());
      out.put("cold_start", r.coldStart());
      predictions.add(out);
    }
    return Map.of("predictions", predictions);
  }

  private void admin(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    byte[] body = exchange.getRequestBody().readAllBytes();
    switch (path) {
      case "/admin/listen" -> {
        int port = JsonFields.intValue(Json.parse(body), "port");
        try {
          listen(port);
          send(exchange, 200, Map.of("port", port));
        } catch (BindException e) {
          send(exchange, 409, Map.of("error", "port " + port + " is busy"));
        }
      }
      case "/admin/stop" -> {
        send(exchange, 200, Map.of("stopping", true));
        new Thread(this::stop).start();
      }
      case "/admin/status" -> {
        List<Integer> ports = new ArrayList<>();
        publics.forEach(s -> ports.add(s.getAddress().getPort()));
        send(
            exchange,
            200,
            Map.of(
                "pid",
                ProcessHandle.current().pid(),
                "ports",
                ports,
                "model_version",
                version,
                "run_id",
                "fake"));
      }
      default -> send(exchange, 404, Map.of("error", "not found: " + path));
    }
  }

  private void stop() {
    publics.forEach(s -> s.stop(1));
    admin.stop(0);
    System.exit(0);
  }

  private static void send(HttpExchange exchange, int status, Map<String, ?> body)
      throws IOException {
    byte[] bytes = Json.compact(Json.valueOf(body)).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
