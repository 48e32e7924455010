package io.recopipe.components.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline image lands in the registry with the command compiled specs start, the CLI jar and
 * the serving dist the package step needs, named by the environment.
 */
class PipelineImageTest {
  @TempDir Path temp;

  @Test
  void pushesTheCliJarAndTheServingDistWithTheSpecsCommand() throws Exception {
    Path jar = Files.write(temp.resolve("recopipe-cli.jar"), new byte[] {'P', 'K', 3, 4});
    ServingDist dist = dist();
    try (LoopbackRegistry registry = LoopbackRegistry.start(temp)) {
      String repository = registry.host() + "/my-project/repo/recopipe-pipeline";
      String pinned =
          PipelineImage.push(
              jar,
              dist,
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
      assertEquals(
          List.of(ServingDist.ENV + "=" + PipelineImage.SERVING_DIST),
          Json.toJava(JsonFields.array(config, "Env")));
      List<String> digests = new ArrayList<>();
      JsonFields.array(json, "layers")
          .forEach(layer -> digests.add(JsonFields.string(JsonFields.asObject(layer), "digest")));
      assertEquals(2, digests.size());
      assertEquals(
          List.of(
              "app/serving-dist/lib/alpha-1.0.jar",
              "app/serving-dist/lib/beta-2.0.jar",
              "app/serving-dist/recopipe-serving.jar"),
          jars(registry.blobs.get(digests.get(0))));
      assertEquals(List.of("app/libs/recopipe-cli.jar"), jars(registry.blobs.get(digests.get(1))));
    }
  }

  @Test
  void theCommandStartsJavaWithTheLaunchersFlags() {
    assertEquals("java", PipelineImage.COMMAND.get(0));
    assertEquals(CliJvmFlags.FLAGS, PipelineImage.COMMAND.subList(1, 1 + CliJvmFlags.FLAGS.size()));
    assertTrue(
        CliJvmFlags.FLAGS.containsAll(
            List.of("--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-modules")),
        CliJvmFlags.FLAGS.toString());
    assertEquals(PipelineImage.MAIN, PipelineImage.COMMAND.get(PipelineImage.COMMAND.size() - 1));
  }

  @Test
  void aMissingJarIsOneLine() {
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                PipelineImage.push(
                    temp.resolve("nope.jar"),
                    dist(),
                    new PackagePushTest.LoopbackTarget("127.0.0.1:1/p/r/i"),
                    "latest",
                    "scratch",
                    temp.resolve("cache")));
    assertTrue(e.getMessage().contains("nope.jar does not exist"), e.getMessage());
  }

  private ServingDist dist() throws Exception {
    Path dir = PackagingFixtures.servingDist(temp.resolve("dist"));
    return ServingDist.locate("image", dir.toString(), Map.of(), temp);
  }

  /** The jar files of a gzipped layer blob, sorted. */
  private static List<String> jars(byte[] layer) throws IOException {
    List<String> names = new ArrayList<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(layer)))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (e.getName().endsWith(".jar")) {
          names.add(e.getName().replaceFirst("^/", ""));
        }
      }
    }
    names.sort(null);
    return names;
  }
}
