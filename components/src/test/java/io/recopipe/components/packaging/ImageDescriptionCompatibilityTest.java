package io.recopipe.components.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.recopipe.components.testing.ArtifactFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the {@code image.json} that 6329e23's package step wrote on 2026-12-03 ({@link
 * ArtifactFixture#IMAGE}): a rollback or a redeploy of an old version starts the image it
 * describes, so a new reader must read an old description, and re-write it to the same bytes.
 */
class ImageDescriptionCompatibilityTest {
  @TempDir Path temp;

  @Test
  void readsAndRewritesTheDescriptionByteForByte() throws IOException {
    ImageDescription image = ImageDescription.read(ArtifactFixture.IMAGE.copyTo(temp));
    assertEquals("recopipe/recommender:model-9c30e51454bb", image.image());
    assertEquals(
        "sha256:7c66461a6c70ec509f6110e2d8c2bfc12a3ad97306ac93abffb97133c46c5fb3", image.digest());
    assertEquals(
        "sha256:01263922d7691f95fd373f4bb0acf16a5b95eff2a61d6d69d2d29cc4ab3b8458", image.imageId());
    assertEquals("scratch", image.base());
    assertEquals(
        List.of("io.recopipe.serving.ServingMain", "--bundle", "/model", "--port", "8080"),
        image.entrypoint().subList(image.entrypoint().size() - 5, image.entrypoint().size()));
    assertEquals(List.of(8080), image.ports());
    assertEquals(
        Map.of(
            "io.recopipe.model-name",
            "recommender_model",
            "io.recopipe.model-version",
            "9c30e51454bb",
            "io.recopipe.serving-settings",
            "threads 6, scoring workers 1, GC serial, heap <= 60% of 0.5 GiB (1 core)"),
        image.labels());
    assertEquals(
        List.of(
            new ImageDescription.Layer(
                "dependencies",
                "sha256:31ae905b90242312c859fec4129a22ea15719248bb91c4e9adf80b4bb60c6dda",
                5930398),
            new ImageDescription.Layer(
                "application",
                "sha256:68ce101502dcec3fc68399d5b88b4dd5188ece7d2d682908b7abcc25549a74c5",
                104193),
            new ImageDescription.Layer(
                "class-data",
                "sha256:cc53f2a02f81ebb0983bf9778a3e131a1780249f438e898a24c47b2458b0d001",
                4028486),
            new ImageDescription.Layer(
                "model",
                "sha256:f8b80d2a76c37b013def7f5fb631e60734e97ca90d8fd14138c2da861be7f5c2",
                2541)),
        image.layers());
    Path rewritten = Files.createDirectories(temp.resolve("rewritten"));
    image.write(rewritten);
    assertArrayEquals(
        ArtifactFixture.IMAGE.bytes(ImageDescription.FILE),
        Files.readAllBytes(rewritten.resolve(ImageDescription.FILE)));
  }
}
