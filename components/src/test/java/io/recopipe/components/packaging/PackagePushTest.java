package io.recopipe.components.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.tools.jib.api.RegistryImage;
import io.recopipe.components.api.Services;
import io.recopipe.components.testing.RecordingStepContext;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagePushTest {
  @TempDir Path temp;

  /** A package context whose profile installed {@code services}. */
  private static final class PushContext extends RecordingStepContext {
    private final Services services;

    PushContext(Path root, Path model, Services services) {
      super("package", "run-9", root.resolve("out"), root.resolve("cache"));
      inputs.put("model", model);
      this.services = services;
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
      return services.get(type);
    }
  }

  /** The loopback registry as an image target, plain HTTP allowed. */
  record LoopbackTarget(String repository) implements ImageTarget {
    @Override
    public String describe() {
      return "loopback " + repository;
    }

    @Override
    public String reference(String tag) {
      return repository + ":" + tag;
    }

    @Override
    public RegistryImage registryImage(String tag)
        throws com.google.cloud.tools.jib.api.InvalidImageReferenceException {
      return RegistryImage.named(reference(tag));
    }

    @Override
    public String defaultBaseImage() {
      return "scratch";
    }

    @Override
    public boolean allowInsecureRegistries() {
      return true;
    }
  }

  @Test
  void pushesTheServingImageAndDescribesItsReference() throws Exception {
    Path bundle = PackagingFixtures.bundle(temp.resolve("bundle"), 1);
    Path dist = PackagingFixtures.servingDist(temp.resolve("dist"));
    String version = ModelVersion.of(bundle);
    try (LoopbackRegistry registry = LoopbackRegistry.start(temp)) {
      String repository = registry.host() + "/my-project/repo/recopipe";
      PushContext ctx =
          new PushContext(
              temp.resolve("ctx"),
              bundle,
              Services.none().with(ImageTarget.class, new LoopbackTarget(repository)));
      ctx.parameters.put("serving_dist", dist.toString());

      new PackageComponent(Map.of(), temp).run(ctx);

      Path out = temp.resolve("ctx/out/image");
      assertFalse(Files.exists(out.resolve(ImageDescription.TARBALL)), "no tarball when pushed");
      PushedImage pushed = PushedImage.read(out);
      String tag = "model-" + version;
      assertEquals(repository + ":" + tag, pushed.reference());
      assertEquals(tag, pushed.tag());
      byte[] manifest = registry.manifests.get("my-project/repo/recopipe:" + tag);
      assertEquals(LoopbackRegistry.sha256(manifest), pushed.digest());
      assertEquals(repository + "@" + pushed.digest(), pushed.pinnedReference());
      ObjectNode manifestJson = JsonFields.asObject(Json.parse(manifest));
      List<String> layers = new ArrayList<>();
      for (JsonNode layer : JsonFields.array(manifestJson, "layers")) {
        layers.add(JsonFields.string(layer, "digest"));
      }
      assertEquals(3, layers.size());
      layers.forEach(d -> assertEquals(true, registry.blobs.containsKey(d), d));
      String configDigest = JsonFields.string(JsonFields.object(manifestJson, "config"), "digest");
      ObjectNode config = JsonFields.object(Json.parse(registry.blobs.get(configDigest)), "config");
      assertEquals(
          Map.of(
              "io.recopipe.model-version",
              version,
              "io.recopipe.model-name",
              "recommender_model",
              ServingImage.LABEL_SERVING_SETTINGS,
              ServingResources.CLOUD_RUN_DEFAULT.describe()),
          Json.toJava(JsonFields.object(config, "Labels")));
      assertEquals(
          ServingImage.entrypoint(
              "recommender_model",
              ServingDist.locate("package", dist.toString(), Map.of(), temp),
              false),
          Json.toJava(JsonFields.array(config, "Entrypoint")));
      assertEquals("/", JsonFields.string(config, "WorkingDir"));
      assertEquals(pushed.labels(), Json.toJava(JsonFields.object(config, "Labels")));
      assertEquals("scratch", pushed.base());
    }
  }
}
