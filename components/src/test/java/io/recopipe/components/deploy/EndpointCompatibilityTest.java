package io.recopipe.components.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.recopipe.components.testing.ArtifactFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the local endpoint's files as 6329e23 left them on 2026-12-03 ({@link
 * ArtifactFixture#ENDPOINT}): a server started by one release keeps running while the next
 * release's CLI reads its registry and the state file the server wrote (with Jackson, while the CLI
 * reads it with its own JSON reader), so both sides must keep agreeing on these files.
 */
class EndpointCompatibilityTest {
  private static final String REVISION = "r0001-27a8e56c0449";

  @TempDir Path temp;

  @Test
  void readsTheRegistryOfAStoppedRevision() throws IOException {
    EndpointRegistry registry = EndpointRegistry.load(ArtifactFixture.ENDPOINT.copyTo(temp));
    assertEquals(18597, registry.stablePort());
    assertEquals("recommender_model", registry.modelName());
    assertEquals(
        Optional.of("http://127.0.0.1:18597/v1/models/recommender_model:predict"), registry.url());
    assertEquals(
        List.of(
            new Revision(
                REVISION,
                "b4eafa51bb7f",
                "20261203-004549-0e7530",
                "sha256:27a8e56c0449e39bdc622c535bd31a0848e377850a326fba3d1d053a3128d4f9",
                35107,
                46107,
                32322,
                RevisionStatus.STOPPED,
                Instant.parse("2026-12-03T00:45:56.536764892Z"),
                Instant.parse("2026-12-03T00:46:09.151673557Z"),
                "undeployed")),
        registry.revisions());
    assertEquals(Optional.empty(), registry.serving());
  }

  /** Saving what was read gives the bytes the earlier release wrote. */
  @Test
  void rewritesTheRegistryToTheSameBytes() throws IOException {
    Path serviceDir = ArtifactFixture.ENDPOINT.copyTo(temp);
    EndpointRegistry.load(serviceDir).save();
    assertArrayEquals(
        ArtifactFixture.ENDPOINT.bytes(EndpointRegistry.FILE),
        Files.readAllBytes(serviceDir.resolve(EndpointRegistry.FILE)));
  }

  /** The secret is not kept as a fixture; the reader takes it from beside the state file. */
  @Test
  void readsTheStateFileTheServerWrote() throws IOException {
    Path revision = EndpointRegistry.revisionDir(ArtifactFixture.ENDPOINT.copyTo(temp), REVISION);
    Files.writeString(revision.resolve(AdminSecret.FILE), "fixture-secret\n");
    assertEquals(
        Optional.of(
            new ServingState(
                32322,
                35107,
                46107,
                "recommender_model",
                "b4eafa51bb7f",
                "",
                "2026-12-03T00:45:56.874049433Z",
                "127.0.0.1",
                "fixture-secret")),
        ServingState.read(revision.resolve("state.json")));
  }
}
