package io.recopipe.components.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline image lands in the registry with the command compiled specs start. */
class PipelineImageTest {
  @TempDir Path temp;

  @Test
  void pushesTheCliJarWithTheSpecsCommand() throws Exception {
    Path jar = Files.write(temp.resolve("recopipe-cli.jar"), new byte[] {'P', 'K', 3, 4});
    try (LoopbackRegistry registry = LoopbackRegistry.start(temp)) {
      String repository = registry.host() + "/my-project/repo/recopipe-pipeline";
      String pinned =
          PipelineImage.push(
              jar,
              new PackagePushTest.LoopbackTarget(repository),
              "latest",
              "scratch",
              temp.resolve("cache"));
      byte[] manifest = registry.manifests.get("my-project/repo/recopipe-pipeline:latest");
      assertEquals(repository + "@" + LoopbackRegistry.sha256(manifest), pinned);
      ObjectNode json = JsonFields.asObject(Json.parse(manifest));
      String configDigest = JsonFields.string(JsonFields.object(json, "config"), "digest");
      ObjectNode config = JsonFields.object(Json.parse(registry.blobs.get(configDigest)), "config");
      assertEquals(PipelineImage.COMMAND, Json.toJava(JsonFields.array(config, "Entrypoint")));
      assertEquals(1, JsonFields.array(json, "layers").size());
    }
  }

  @Test
  void aMissingJarIsOneLine() {
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                PipelineImage.push(
                    temp.resolve("nope.jar"),
                    new PackagePushTest.LoopbackTarget("127.0.0.1:1/p/r/i"),
                    "latest",
                    "scratch",
                    temp.resolve("cache")));
    assertTrue(e.getMessage().contains("nope.jar does not exist"), e.getMessage());
  }
}
