package io.recopipe.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.scoring.ItemScorer;
import io.recopipe.model.scoring.Recommendation;
import io.recopipe.model.scoring.Recommender;
import io.recopipe.serving.model.ModelLoader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotSwapTest {
  @TempDir Path temp;

  private static String body(String user) {
    return "{\"instances\":[{\"user_id\":\"" + user + "\",\"k\":10}]}";
  }

  private static String signature(ModelBundle bundle, String user) {
    Recommendation r =
        new Recommender(new ItemScorer(bundle.model()), bundle.ratedItems().orElseThrow())
            .recommend(user, 10, true);
    StringBuilder out = new StringBuilder(r.itemIds().toString());
    for (float rating : r.ratings()) {
      out.append(',').append(Float.floatToIntBits(rating));
    }
    return out.toString();
  }

  private static String signature(JsonNode row) {
    StringBuilder out =
        new StringBuilder(TestServer.strings(row.get("predicted_item_id")).toString());
    for (float rating : TestServer.floats(row.get("predicted_rating"))) {
      out.append(',').append(Float.floatToIntBits(rating));
    }
    return out.toString();
  }

  @Test
  void swapsUnderLoadWithoutAFailedOrMixedResponse() throws Exception {
    ModelBundle a = TestBundles.write(temp, "a", 1);
    ModelBundle b = TestBundles.write(temp, "b", 2);
    List<String> users = List.of("u1", "u2", "u3", "u10", "u20", "stranger");
    try (TestServer server = TestServer.start(a.directory())) {
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger ok = new AtomicInteger();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      List<Thread> clients = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        Thread client =
            new Thread(
                () -> {
                  int n = seed;
                  while (running.get()) {
                    String user = users.get(n++ % users.size());
                    try {
                      HttpResponse<String> response = server.predict(body(user));
                      if (response.statusCode() != 200) {
                        failures.add(response.statusCode() + " " + response.body());
                        continue;
                      }
                      String got = signature(TestServer.json(response).get("predictions").get(0));
                      if (!got.equals(signature(a, user)) && !got.equals(signature(b, user))) {
                        failures.add("response for " + user + " matches neither model: " + got);
                      }
                      ok.incrementAndGet();
                    } catch (Exception e) {
                      failures.add(e.toString());
                    }
                  }
                });
        client.start();
        clients.add(client);
      }
      String[] expected = {
        ModelLoader.versionOf(b.directory()), ModelLoader.versionOf(a.directory())
      };
      for (int swap = 0; swap < 6; swap++) {
        Thread.sleep(150);
        ModelBundle next = swap % 2 == 0 ? b : a;
        HttpResponse<String> response =
            server.admin("POST", "/admin/swap", "{\"bundle\":\"" + next.directory() + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(expected[swap % 2], TestServer.json(response).get("model_version").asText());
        assertEquals(
            expected[swap % 2],
            TestServer.json(server.get("/v1/models/recommender_model"))
                .get("model_version_status")
                .get(0)
                .get("version")
                .asText());
      }
      Thread.sleep(150);
      running.set(false);
      for (Thread client : clients) {
        client.join();
      }
      assertEquals(List.of(), List.copyOf(failures));
      assertTrue(ok.get() > 50, "requests served: " + ok.get());
    }
  }

  @Test
  void aBadBundleIsRefusedAndTheOldOneKeepsServing() throws Exception {
    ModelBundle a = TestBundles.write(temp, "a", 1);
    ModelBundle broken = TestBundles.write(temp, "broken", 2);
    Path factors = broken.directory().resolve("item_factors.f32");
    byte[] bytes = Files.readAllBytes(factors);
    bytes[bytes.length - 1] ^= 1;
    Files.write(factors, bytes);
    try (TestServer server = TestServer.start(a.directory())) {
      String version = ModelLoader.versionOf(a.directory());
      for (String body :
          List.of(
              "{\"bundle\":\"" + broken.directory() + "\"}",
              "{\"bundle\":\"" + temp.resolve("missing") + "\"}",
              "{\"nope\":1}",
              "not json")) {
        HttpResponse<String> response = server.admin("POST", "/admin/swap", body);
        BadRequestTest.assertError(400, response);
      }
      assertEquals(version, TestServer.json(server.get("/readyz")).get("model_version").asText());
      HttpResponse<String> response = server.predict(body("u1"));
      assertEquals(200, response.statusCode());
      assertEquals(
          signature(a, "u1"), signature(TestServer.json(response).get("predictions").get(0)));
    }
  }
}
