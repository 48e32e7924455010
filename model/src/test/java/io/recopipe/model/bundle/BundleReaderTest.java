package io.recopipe.model.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BundleReaderTest {
  @TempDir Path temp;
  Path bundle;

  @BeforeEach
  void writeBundle() throws IOException {
    bundle = TestBundles.writeSmall(temp, "m");
  }

  private BundleFormatException refused() {
    return refused(true);
  }

  private BundleFormatException refused(boolean verify) {
    BundleFormatException e =
        assertThrows(BundleFormatException.class, () -> BundleReader.read(bundle, verify));
    String message = e.getMessage();
    assertTrue(message.startsWith("bundle " + bundle.toAbsolutePath() + ": "), message);
    assertEquals(-1, message.indexOf('\n'), "one line: " + message);
    assertEquals(bundle.toAbsolutePath(), e.bundle());
    return e;
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void refusesATruncatedFactorFile(boolean verify) throws IOException {
    Path file = bundle.resolve("user_factors.f32");
    long size = Files.size(file);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size - 16);
    }
    BundleFormatException e = refused(verify);
    assertEquals(
        "bundle "
            + bundle.toAbsolutePath()
            + ": user_factors.f32 is "
            + (size - 16)
            + " bytes, manifest says "
            + size
            + " (truncated?)",
        e.getMessage());
    assertEquals("user_factors.f32", e.file());
  }

  @Test
  void refusesAFlippedByte() throws IOException {
    Path file = bundle.resolve("item_factors.f32");
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(file, bytes);
    BundleFormatException e = refused();
    assertTrue(
        e.getMessage().contains("item_factors.f32 fails its checksum: SHA-256 is "),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("(corrupted?)"), e.getMessage());
    assertEquals("item_factors.f32", e.file());
  }

  @Test
  void skippingVerificationTrustsTheBytes() throws IOException {
    Path file = bundle.resolve("item_factors.f32");
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 0x01;
    Files.write(file, bytes);
    refused(true);
    BundleReader.read(bundle, false);
  }

  @Test
  void refusesAFlippedByteInAnIdList() throws IOException {
    Path file = bundle.resolve("users.ids");
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 0x20;
    Files.write(file, bytes);
    assertTrue(refused().getMessage().contains("users.ids fails its checksum"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "users.ids",
        "items.ids",
        "user_factors.f32",
        "item_factors.f32",
        "user_intercepts.f32",
        "item_intercepts.f32"
      })
  void refusesAMissingFile(String name) throws IOException {
    Files.delete(bundle.resolve(name));
    BundleFormatException e = refused();
    assertTrue(
        e.getMessage().endsWith(": " + name + " is missing (the manifest lists it)"),
        e.getMessage());
    assertEquals(name, e.file());
  }

  @Test
  void refusesAMissingManifest() throws IOException {
    Files.delete(bundle.resolve("manifest.json"));
    assertTrue(refused().getMessage().contains("manifest.json is missing"));
  }

  @Test
  void refusesANewerFormatVersion() throws IOException {
    TestBundles.editManifest(bundle, m -> TestBundles.with(m, "format_version", 3));
    assertEquals(
        "bundle "
            + bundle.toAbsolutePath()
            + ": manifest.json: format_version 3 is "
            + "newer than this recopipe reads (1); upgrade recopipe",
        refused().getMessage());
  }

  @Test
  void refusesMalformedManifestJsonWithLineAndColumn() throws IOException {
    Path manifest = bundle.resolve("manifest.json");
    String json = Files.readString(manifest);
    Files.writeString(manifest, json.replaceFirst("\"num_users\": 12,", "\"num_users\": 12,,"));
    BundleFormatException e = refused();
    assertTrue(
        e.getMessage()
            .matches(
                ".*: manifest\\.json is not valid JSON: line 7, column \\d+:"
                    + " expected a string key, found ','"),
        e.getMessage());
    assertEquals("manifest.json", e.file());
  }

  @Test
  void refusesAManifestWithAMistypedField() throws IOException {
    TestBundles.editManifest(bundle, m -> TestBundles.with(m, "num_factors", "four"));
    assertTrue(
        refused()
            .getMessage()
            .endsWith(": manifest.json: field 'num_factors': expected an integer, found string"));
  }

  @Test
  void refusesAManifestWithAMissingField() throws IOException {
    TestBundles.editManifest(
        bundle,
        m ->
            TestBundles.with(
                m,
                "provenance",
                TestBundles.with(JsonFields.object(m, "provenance"), "seed", null)));
    assertTrue(
        refused().getMessage().endsWith(": manifest.json: provenance: field 'seed' is missing"),
        refused().getMessage());
  }

  @Test
  void refusesAForeignFormat() throws IOException {
    TestBundles.editManifest(bundle, m -> TestBundles.with(m, "format", "onnx"));
    assertTrue(
        refused()
            .getMessage()
            .contains("manifest.json: format is 'onnx', expected 'recopipe-mf-bundle'"));
  }

  @Test
  void refusesAManifestThatOmitsAFile() throws IOException {
    TestBundles.editManifest(
        bundle,
        m -> {
          List<JsonNode> files = new ArrayList<>();
          JsonFields.array(m, "files").forEach(files::add);
          files.removeIf(f -> JsonFields.string(f, "name").equals("items.ids"));
          return TestBundles.with(m, "files", Json.array(files));
        });
    assertTrue(
        refused().getMessage().endsWith(": manifest.json does not list items.ids under files"));
  }

  @Test
  void refusesAPathInAFileName() throws IOException {
    TestBundles.editManifest(
        bundle,
        m -> {
          List<JsonNode> files = new ArrayList<>();
          JsonFields.array(m, "files").forEach(files::add);
          ObjectNode first = JsonFields.asObject(files.get(0));
          files.set(0, TestBundles.with(first, "name", "../escape"));
          return TestBundles.with(m, "files", Json.array(files));
        });
    assertTrue(refused().getMessage().contains("manifest.json: files[0]: file name '../escape'"));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void refusesWrongDimensionsInAHeader(boolean verify) throws IOException {
    Path file = bundle.resolve("user_factors.f32");
    patchInt(file, 12, 5); // width 4 -> 5, same file length
    TestBundles.refreshEntry(bundle, "user_factors.f32");
    BundleFormatException e = refused(verify);
    assertTrue(
        e.getMessage()
            .endsWith(
                ": user_factors.f32 header says 12 × 5, manifest says "
                    + "12 × 4 (num_users × num_factors)"),
        e.getMessage());
    assertEquals("user_factors.f32", e.file());
  }

  @Test
  void refusesAnIdListWithTheWrongCount() throws IOException {
    patchInt(bundle.resolve("items.ids"), 16, 8);
    TestBundles.refreshEntry(bundle, "items.ids");
    assertTrue(
        refused()
            .getMessage()
            .endsWith(": items.ids header says 8 ids, manifest says 9 (num_items)"),
        refused().getMessage());
  }

  @Test
  void refusesAFileWithForeignMagic() throws IOException {
    Path file = bundle.resolve("item_intercepts.f32");
    byte[] bytes = Files.readAllBytes(file);
    bytes[0] = 'X';
    Files.write(file, bytes);
    TestBundles.refreshEntry(bundle, "item_intercepts.f32");
    assertTrue(
        refused()
            .getMessage()
            .endsWith(": item_intercepts.f32 is not a recopipe float32 array (wrong magic bytes)"));
  }

  @Test
  void refusesANewerFileHeaderVersion() throws IOException {
    patchInt(bundle.resolve("item_factors.f32"), 8, 2);
    TestBundles.refreshEntry(bundle, "item_factors.f32");
    assertTrue(
        refused()
            .getMessage()
            .endsWith(
                ": item_factors.f32 has header version 2, newer "
                    + "than this recopipe reads (1); upgrade recopipe"));
  }

  @Test
  void refusesAnIdListWithInvalidUtf8() throws IOException {
    Path file = bundle.resolve("users.ids");
    byte[] bytes = Files.readAllBytes(file);
    // the last id is "u11": replace its last byte with a lone continuation byte
    bytes[bytes.length - 1] = (byte) 0x80;
    Files.write(file, bytes);
    TestBundles.refreshEntry(bundle, "users.ids");
    assertTrue(
        refused().getMessage().endsWith(": users.ids: id #11 is not valid UTF-8"),
        refused().getMessage());
  }

  @Test
  void refusesAnIdListWithDuplicates() throws IOException {
    Path file = bundle.resolve("users.ids");
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("u11", "u10");
    Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
    TestBundles.refreshEntry(bundle, "users.ids");
    assertTrue(refused().getMessage().contains("users.ids: duplicate id"), refused().getMessage());
  }

  @Test
  void refusesANonBundleDirectoryAndReportsAMissingOne() throws IOException {
    Path empty = Files.createDirectory(temp.resolve("empty"));
    BundleFormatException e =
        assertThrows(BundleFormatException.class, () -> BundleReader.read(empty));
    assertTrue(e.getMessage().contains("manifest.json is missing"), e.getMessage());
    assertThrows(NoSuchFileException.class, () -> BundleReader.read(temp.resolve("nowhere")));
  }

  private static void patchInt(Path file, int offset, int value) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ByteBuffer bytes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value);
      channel.write(bytes.flip(), offset);
    }
  }
}
