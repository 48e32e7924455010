package io.recopipe.components.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image push (what the package step does against Artifact Registry) uses only endpoints of the
 * OCI Distribution Specification ({@link LoopbackRegistry#ENDPOINTS}): the registry protocol
 * Artifact Registry serves on {@code REGION-docker.pkg.dev}, which has no discovery document.
 * Pushing needs artifactregistry.repositories.uploadArtifacts (end-4a, end-5, end-6, end-7) and
 * downloadArtifacts (end-1, end-2): https://cloud.google.com/artifact-registry/docs/access-control.
 */
class RegistryContractTest {
  @TempDir Path temp;

  @Test
  void anImagePushUsesOnlyTheSpecificationsEndpoints() throws Exception {
    Path jar = Files.write(temp.resolve("recopipe-cli.jar"), new byte[] {'P', 'K', 3, 4});
    try (LoopbackRegistry registry = LoopbackRegistry.start(temp)) {
      PipelineImage.push(
          jar,
          ServingDist.locate(
              "image",
              PackagingFixtures.servingDist(temp.resolve("dist")).toString(),
              Map.of(),
              temp),
          new PackagePushTest.LoopbackTarget(
              registry.host() + "/my-project/repo/recopipe-pipeline"),
          "latest",
          "scratch",
          temp.resolve("cache"));
      assertEquals(List.of(), registry.violations, "requests that are no endpoint of the spec");
      assertEquals(
          new TreeSet<>(List.of("end-1", "end-2", "end-4a", "end-5", "end-6", "end-7")),
          new TreeSet<>(registry.endpoints));
    }
  }
}
