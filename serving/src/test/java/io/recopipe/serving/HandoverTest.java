package io.recopipe.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.model.bundle.ModelBundle;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandoverTest {
  @TempDir Path temp;

  @Test
  void aSecondServerTakesOverThePortWithoutAFailedRequest() throws Exception {
    ModelBundle a = TestBundles.write(temp, "a", 1);
    ModelBundle b = TestBundles.write(temp, "b", 2);
    try (TestServer old = TestServer.start(a.directory(), "--reuse-port");
        TestServer next = TestServer.start(b.directory(), "--reuse-port")) {
      int port = old.process.port();
      String url = "http://127.0.0.1:" + port + "/v1/models/recommender_model:predict";
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger ok = new AtomicInteger();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<String> runs = new ConcurrentLinkedQueue<>();
      List<Thread> clients = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Thread client =
            new Thread(
                () -> {
                  while (running.get()) {
                    try {
                      HttpResponse<String> response =
                          TestServer.send(
                              "POST", url, "{\"instances\":[{\"user_id\":\"u1\",\"k\":3}]}");
                      if (response.statusCode() == 200) {
                        ok.incrementAndGet();
                      } else {
                        failures.add(response.statusCode() + " " + response.body());
                      }
                    } catch (Exception e) {
                      failures.add(e.toString());
                    }
                  }
                });
        client.start();
        clients.add(client);
      }
      Thread.sleep(200);
      HttpResponse<String> listen = next.admin("POST", "/admin/listen", "{\"port\":" + port + "}");
      assertEquals(200, listen.statusCode(), listen.body());
      assertEquals(port, TestServer.json(listen).get("port").asInt());
      JsonNode status = TestServer.json(next.admin("GET", "/admin/status", null));
      assertTrue(status.get("ports").toString().contains(Integer.toString(port)));
      Thread.sleep(200);
      HttpResponse<String> stop = old.admin("POST", "/admin/stop", "");
      assertEquals(200, stop.statusCode(), stop.body());
      Thread thread =
          new Thread(
              () -> {
                try {
                  old.process.awaitStopped();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      thread.start();
      thread.join(TimeUnit.SECONDS.toMillis(30));
      assertTrue(!thread.isAlive(), "old server stopped");
      int before = ok.get();
      Thread.sleep(300);
      running.set(false);
      for (Thread client : clients) {
        client.join();
      }
      assertEquals(List.of(), List.copyOf(failures));
      assertTrue(ok.get() > before, "the new server answers on the port after the handover");
      assertEquals(503, old.process.stopping() ? 503 : 200);
      // the old process's model is gone from the port: answers now come from b
      HttpResponse<String> after =
          TestServer.send("GET", "http://127.0.0.1:" + port + "/readyz", null);
      assertEquals(200, after.statusCode());
      assertEquals(
          next.process.model().version(), TestServer.json(after).get("model_version").asText());
      runs.clear();
    }
  }
}
