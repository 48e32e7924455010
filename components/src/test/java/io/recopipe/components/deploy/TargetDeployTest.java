package io.recopipe.components.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.Services;
import io.recopipe.components.packaging.ModelVersion;
import io.recopipe.components.packaging.PushedImage;
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

class TargetDeployTest {
  private static final String REPO = "europe-west1-docker.pkg.dev/p/repo/recopipe";
  private static final String DIGEST = "sha256:" + "ab".repeat(32);

  @TempDir Path temp;

  /** A deploy context whose profile installed {@code services}. */
  private static final class TargetContext extends RecordingStepContext {
    private final Services services;

    TargetContext(Path root, Services services) {
      super("deploy", "run-42", root.resolve("out"), root.resolve("cache"));
      this.services = services;
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
      return services.get(type);
    }
  }

  /** Records what it was asked to deploy. */
  private static final class RecordingTarget implements DeployTarget {
    final List<DeployRequest> requests = new ArrayList<>();

    @Override
    public String describe() {
      return "recording";
    }

    @Override
    public Map<String, Object> deploy(DeployRequest request) {
      requests.add(request);
      return Map.of(
          "deployed",
          true,
          "url",
          "https://svc.run.app/v1/models/" + request.modelName() + ":predict",
          "revision",
          "svc-m-" + request.modelVersion() + "-1");
    }

    @Override
    public Map<String, Object> rollback() {
      throw new UnsupportedOperationException();
    }
  }

  private TargetContext context(RecordingTarget target) throws Exception {
    Path bundle = TestImages.bundle(temp.resolve("bundle"), 3);
    Path image = Files.createDirectories(temp.resolve("image"));
    new PushedImage(
            REPO + ":model-x",
            "model-x",
            DIGEST,
            "gcr.io/distroless/java17-debian12",
            List.of("java"),
            Map.of())
        .write(image);
    TargetContext ctx =
        new TargetContext(temp.resolve("ctx"), Services.none().with(DeployTarget.class, target));
    ctx.inputs.put("model", bundle);
    ctx.inputs.put("image", image);
    return ctx;
  }

  @Test
  void deploysThePinnedImageThroughTheTargetAndWritesItsEndpoint() throws Exception {
    RecordingTarget target = new RecordingTarget();
    TargetContext ctx = context(target);
    ctx.parameters.put("canary_percent", "20");

    new DeployComponent().run(ctx);

    DeployRequest request = target.requests.get(0);
    assertEquals(REPO + "@" + DIGEST, request.imageReference());
    assertEquals(ModelVersion.of(temp.resolve("bundle")), request.modelVersion());
    assertEquals("run-42", request.runId());
    assertEquals("recommender_model", request.modelName());
    assertEquals(20, request.canaryPercent());
    ObjectNode endpoint =
        JsonFields.asObject(
            Json.parse(Files.readAllBytes(temp.resolve("ctx/out/endpoint/endpoint.json"))));
    assertEquals(
        "https://svc.run.app/v1/models/recommender_model:predict",
        JsonFields.string(endpoint, "url"));
  }

  @Test
  void badCanaryPercentFailsNamingTheParameter() throws Exception {
    TargetContext ctx = context(new RecordingTarget());
    ctx.parameters.put("canary_percent", "100");

    ComponentException e =
        assertThrows(ComponentException.class, () -> new DeployComponent().run(ctx));
    assertEquals("deploy: canary_percent must be an integer in 0..99, was '100'", e.getMessage());
  }

  @Test
  void aTarballImageIsRefusedInOneLine() throws Exception {
    TargetContext ctx = context(new RecordingTarget());
    Files.writeString(temp.resolve("image/image.json"), "{\"image\":\"recopipe/r:t\"}");

    ComponentException e =
        assertThrows(ComponentException.class, () -> new DeployComponent().run(ctx));
    assertTrue(
        e.getMessage().contains("describes a local image tarball, not a pushed image"),
        e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }
}
