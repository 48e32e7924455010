package io.recopipe.infra.gcs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The manifest compared byte for byte with what the earlier JSON writer wrote for the same files
 * (the expected strings were produced by it), since uploads compare manifests already on GCS.
 */
class ArtifactManifestTest {
  private static final String EMPTY_BEFORE =
      "{\n" + "  \"format\": \"recopipe-gcs-artifact/1\",\n" + "  \"files\": []\n" + "}\n";
  private static final String TWO_BEFORE =
      "{\n"
          + "  \"format\": \"recopipe-gcs-artifact/1\",\n"
          + "  \"files\": [\n"
          + "    {\n"
          + "      \"path\": \"factors/users.bin\",\n"
          + "      \"sha256\": \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\",\n"
          + "      \"size\": 1234567890123\n"
          + "    },\n"
          + "    {\n"
          + "      \"path\": \"odd name \\u0001 \\\"q\\\" \\\\ \u00fc/\u2713.txt\",\n"
          + "      \"sha256\": \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\",\n"
          + "      \"size\": 0\n"
          + "    }\n"
          + "  ]\n"
          + "}\n";

  private static final ArtifactManifest TWO =
      new ArtifactManifest(
          List.of(
              new ArtifactManifest.Entry(
                  "factors/users.bin",
                  "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                  1234567890123L),
              new ArtifactManifest.Entry(
                  "odd name \u0001 \"q\" \\ ü/✓.txt",
                  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                  0)));

  @Test
  void writesByteForByteAsTheEarlierWriterDid() {
    assertArrayEquals(
        EMPTY_BEFORE.getBytes(StandardCharsets.UTF_8), new ArtifactManifest(List.of()).toJson());
    assertArrayEquals(TWO_BEFORE.getBytes(StandardCharsets.UTF_8), TWO.toJson());
  }

  @Test
  void readsWhatItWrote() {
    assertEquals(TWO, ArtifactManifest.parse(TWO_BEFORE.getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        List.of(), ArtifactManifest.parse(EMPTY_BEFORE.getBytes(StandardCharsets.UTF_8)).files());
  }

  @Test
  void refusesABrokenManifestNamingWhere() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ArtifactManifest.parse(
                    "{\n  \"files\": [\n    {\"path\": }\n".getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().startsWith("line 3, column "), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ArtifactManifest.parse(
                    "{\"files\": [{\"path\": \"a\", \"sha256\": \"00\", \"size\": \"1\"}]}"
                        .getBytes(StandardCharsets.UTF_8)));
    assertEquals("field 'size': expected an integer, found string", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ArtifactManifest.parse(
                    "{\"format\": \"recopipe-gcs-artifact/1\"}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("field 'files' is missing", e.getMessage());
  }
}
