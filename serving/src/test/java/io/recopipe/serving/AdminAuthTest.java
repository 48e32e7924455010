package io.recopipe.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.serving.model.ModelLoader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API on a real server: only the revision's bearer secret gets through, everything else
 * is 401 with a one-line JSON error and is not acted on, and every attempt is journaled.
 */
class AdminAuthTest {
  @TempDir Path temp;

  @Test
  void onlyTheSecretGetsThroughAndEveryAttemptIsJournaled() throws Exception {
    ModelBundle first = TestBundles.write(temp, "a", 5);
    ModelBundle second = TestBundles.write(temp, "b", 6);
    String firstVersion = ModelLoader.versionOf(first.directory());
    String secondVersion = ModelLoader.versionOf(second.directory());
    try (TestServer server = TestServer.start(first.directory())) {
      String swap = "{\"bundle\":\"" + second.directory() + "\"}";
      HttpResponse<String> none = TestServer.send("POST", server.adminUrl("/admin/swap"), swap);
      assertRefused(none);
      HttpResponse<String> wrong =
          TestServer.send(
              "POST",
              server.adminUrl("/admin/swap"),
              swap,
              "Bearer " + TestServer.SECRET.replace('0', '1'));
      assertRefused(wrong);
      assertRefused(TestServer.send("POST", server.adminUrl("/admin/stop"), "", TestServer.SECRET));
      assertEquals(firstVersion, server.process.model().version(), "nothing was swapped");
      assertFalse(server.process.stopping(), "nothing was stopped");

      HttpResponse<String> right = server.admin("POST", "/admin/swap", swap);
      assertEquals(200, right.statusCode(), right.body());
      assertEquals(secondVersion, server.process.model().version());

      List<String> lines = server.journal();
      assertEquals(4, lines.size(), String.join("\n", lines));
      for (int n = 0; n < 3; n++) {
        JsonNode refused = TestServer.JSON.readTree(lines.get(n));
        assertEquals("refused", refused.get("action").asText());
        assertEquals(firstVersion, refused.get("model_version_after").asText());
        assertEquals("127.0.0.1", refused.get("remote").asText());
      }
      JsonNode swapped = TestServer.JSON.readTree(lines.get(3));
      assertEquals("swap", swapped.get("action").asText());
      assertEquals("accepted", swapped.get("outcome").asText());
      assertEquals(firstVersion, swapped.get("model_version_before").asText());
      assertEquals(secondVersion, swapped.get("model_version_after").asText());
      assertEquals(
          "rw-------",
          PosixFilePermissions.toString(
              Files.getPosixFilePermissions(server.adminDir.resolve("admin-journal.jsonl"))));
    }
  }

  @Test
  void withoutASecretFileEveryAdminRequestIsRefused() throws Exception {
    ModelBundle bundle = TestBundles.write(temp, "c", 5);
    ServingProcess process =
        new ServingProcess(
            ServingOptions.parse(
                new String[] {
                  "--bundle", bundle.directory().toString(), "--port", "0", "--host", "127.0.0.1"
                },
                java.util.Map.of()),
            new io.recopipe.serving.log.AccessLog(
                new io.recopipe.logging.LineAppender(
                    new java.io.ByteArrayOutputStream(),
                    new io.recopipe.logging.CloudLoggingEncoder()),
                16));
    process.start();
    try {
      String admin = "http://127.0.0.1:" + process.adminPort();
      assertRefused(
          TestServer.send("GET", admin + "/admin/status", null, "Bearer " + TestServer.SECRET));
      assertRefused(TestServer.send("POST", admin + "/admin/stop", "", "Bearer "));
      assertFalse(process.stopping(), "nothing was stopped");
    } finally {
      process.stopNow();
    }
  }

  private static void assertRefused(HttpResponse<String> response) throws Exception {
    assertEquals(401, response.statusCode(), response.body());
    assertEquals(1, response.body().lines().count(), response.body());
    assertTrue(TestServer.json(response).get("error").asText().contains("secret"), response.body());
  }
}
