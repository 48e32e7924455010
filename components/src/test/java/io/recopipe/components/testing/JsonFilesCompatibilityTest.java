package io.recopipe.components.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.recopipe.model.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON files earlier code wrote (gate decision, endpoint registry, image description, dataset
 * schema and data profile), read and written again through {@link Json}: the bytes must not change,
 * so that doubles, escapes, key order and layout stay as they were.
 */
class JsonFilesCompatibilityTest {

  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of(ArtifactFixture.DECISION, "decision.json"),
        Arguments.of(ArtifactFixture.ENDPOINT, "endpoints.json"),
        Arguments.of(ArtifactFixture.IMAGE, "image.json"),
        Arguments.of(ArtifactFixture.DATASET, "schema.json"),
        Arguments.of(ArtifactFixture.DATASET, "data_profile.json"));
  }

  @ParameterizedTest
  @MethodSource("files")
  void rewritesToTheSameBytes(ArtifactFixture fixture, String file) throws IOException {
    byte[] bytes = fixture.bytes(file);
    assertArrayEquals(
        bytes,
        (Json.pretty(Json.parse(bytes)) + "\n").getBytes(StandardCharsets.UTF_8),
        fixture.directory() + "/" + file);
  }
}
