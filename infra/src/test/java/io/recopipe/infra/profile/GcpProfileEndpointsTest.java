package io.recopipe.infra.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.aiplatform.v1.GetModelRequest;
import com.sun.net.httpserver.HttpServer;
import io.grpc.HandlerRegistry;
import io.grpc.Server;
import io.grpc.ServerMethodDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.recopipe.components.deploy.DeployTarget;
import io.recopipe.components.packaging.ImageTarget;
import io.recopipe.infra.config.DemoGcpConfig;
import io.recopipe.infra.config.GcpConfig;
import io.recopipe.infra.config.GcpConfigException;
import io.recopipe.infra.config.GcpEndpoints;
import io.recopipe.infra.vertex.FakeModelService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gcp profile's clients follow the {@code gcp.*_endpoint} overrides (the client libraries' own
 * {@code setHost}/{@code setEndpoint}): with {@code plaintext_endpoints} every call reaches the
 * loopback stand-ins over plain text and carries no credentials, and none is looked up.
 */
class GcpProfileEndpointsTest {
  private final List<String> http = new CopyOnWriteArrayList<>();
  private final List<String> grpc = new CopyOnWriteArrayList<>();
  private final FakeModelService vertex = new FakeModelService();
  private HttpServer httpServer;
  private Server runServer;
  private Server vertexServer;

  @BeforeEach
  void start() throws IOException {
    httpServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    httpServer.createContext(
        "/",
        exchange -> {
          http.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getRawPath()
                  + " auth="
                  + exchange.getRequestHeaders().containsKey("Authorization"));
          byte[] body =
              "{\"error\":{\"code\":404,\"message\":\"nothing here\"}}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(404, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    httpServer.start();
    runServer =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .fallbackHandlerRegistry(
                new HandlerRegistry() {
                  @Override
                  public ServerMethodDefinition<?, ?> lookupMethod(
                      String method, String authority) {
                    grpc.add(method);
                    return null; // UNIMPLEMENTED: the call arrived, which is all this test needs
                  }
                })
            .build()
            .start();
    vertexServer =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .addService(vertex)
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    httpServer.stop(0);
    runServer.shutdownNow();
    vertexServer.shutdownNow();
  }

  private Map<String, String> parameters() {
    Map<String, String> p = DemoGcpConfig.parameters();
    String root = "http://127.0.0.1:" + httpServer.getAddress().getPort();
    p.put("gcp.bigquery_endpoint", root);
    p.put("gcp.storage_endpoint", root);
    p.put("gcp.run_endpoint", "127.0.0.1:" + runServer.getPort());
    p.put("gcp.vertex_endpoint", "127.0.0.1:" + vertexServer.getPort());
    p.put("gcp.artifact_registry_endpoint", "127.0.0.1:5000");
    p.put("gcp.plaintext_endpoints", "true");
    return p;
  }

  @Test
  void everyClientCallsItsOverriddenEndpointInPlainTextWithoutCredentials() throws Exception {
    Map<String, String> p = parameters();
    GcpConfig config = GcpConfig.from(p, "test");
    GcpEndpoints endpoints = GcpEndpoints.from(p, "test");
    try (GcpProfile profile =
        GcpProfile.open(
            config,
            endpoints,
            () -> {
              throw new IOException("no credential is looked up for plain-text endpoints");
            })) {
      assertThrows(Exception.class, () -> profile.approvalTable().find("mf", 1));
      assertTrue(
          http.stream()
              .anyMatch(r -> r.matches("POST /bigquery/v2/projects/recopipe-demo/\\S+ auth=false")),
          http.toString());

      assertThrows(IOException.class, () -> profile.artifacts().list("runs/"));
      assertTrue(
          http.stream()
              .anyMatch(r -> r.matches("GET /storage/v1/b/recopipe-demo-artifacts/o auth=false")),
          http.toString());

      DeployTarget run = profile.services().get(DeployTarget.class).orElseThrow();
      assertThrows(Exception.class, run::rollback);
      assertEquals("google.cloud.run.v2.Services/GetService", grpc.get(0));

      assertTrue(profile.modelRegistry().get("mf", "1").isEmpty());
      assertEquals(
          "projects/recopipe-demo/locations/europe-west1/models/mf@1",
          vertex.requests(GetModelRequest.class).get(0).getName());

      assertTrue(
          profile
              .services()
              .get(ImageTarget.class)
              .orElseThrow()
              .describe()
              .contains("127.0.0.1:5000/recopipe-demo/recopipe/recopipe"),
          profile.services().get(ImageTarget.class).orElseThrow().describe());
    }
  }

  @Test
  void plainTextNeedsEveryClientsEndpointSoNothingUnauthenticatedReachesGoogle() {
    Map<String, String> p = parameters();
    p.remove("gcp.storage_endpoint");
    p.remove("gcp.vertex_endpoint");
    p.put("gcp.run_endpoint", "run.example:443:1");
    GcpConfigException e =
        assertThrows(GcpConfigException.class, () -> GcpConfig.from(p, "my.yaml"));
    assertEquals(
        "config my.yaml: the gcp profile needs gcp.run_endpoint: expected host:port, found"
            + " 'run.example:443:1'; gcp.plaintext_endpoints: true needs every client's endpoint"
            + " overridden, so nothing unauthenticated reaches Google; missing"
            + " gcp.run_endpoint, gcp.storage_endpoint, gcp.vertex_endpoint",
        e.getMessage());
  }

  @Test
  void withoutOverridesTheProfileUsesGooglesEndpoints() {
    Map<String, String> p = parameters();
    p.keySet().removeIf(k -> k.endsWith("_endpoint") || k.endsWith("_endpoints"));
    assertEquals(GcpEndpoints.GOOGLE, GcpEndpoints.from(p, "test"));
  }
}
