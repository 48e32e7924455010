package io.recopipe.infra.gcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcsArtifactStoreTest {
  @TempDir Path tmp;
  private Storage storage;
  private GcsArtifactStore store;
  private Path artifact;

  @BeforeEach
  void setUp() throws IOException {
    storage = LocalStorageHelper.getOptions().getService();
    store = new GcsArtifactStore(storage, "bucket", "recopipe/artifacts/");
    artifact = tmp.resolve("model");
    Files.createDirectories(artifact.resolve("factors"));
    Files.writeString(artifact.resolve("manifest.json"), "{\"v\":1}\n");
    Files.writeString(artifact.resolve("factors/users.bin"), "user-factors");
  }

  @Test
  void roundTripKeepsFilesHashesAndListing() throws IOException {
    String uri = store.upload("run-1/train/model", artifact);

    assertEquals("gs://bucket/recopipe/artifacts/run-1/train/model/", uri);
    BlobInfo users =
        storage.get(BlobId.of("bucket", "recopipe/artifacts/run-1/train/model/factors/users.bin"));
    assertEquals(
        ArtifactFiles.sha256("user-factors".getBytes(StandardCharsets.UTF_8)),
        users.getMetadata().get(GcsArtifactStore.SHA256_METADATA));
    Path back = tmp.resolve("back");
    store.download("run-1/train/model", back);
    assertEquals("{\"v\":1}\n", Files.readString(back.resolve("manifest.json")));
    assertEquals("user-factors", Files.readString(back.resolve("factors/users.bin")));
    assertEquals(
        List.of("factors/users.bin", "manifest.json"),
        store.manifest("run-1/train/model").files().stream()
            .map(ArtifactManifest.Entry::path)
            .toList());
    assertEquals(List.of("run-1/train/model"), store.list("run-1/"));
  }

  @Test
  void reuploadOfSameContentIsANoOpAndDifferentContentIsRefused() throws IOException {
    store.upload("k", artifact);
    store.upload("k", artifact);
    Files.writeString(artifact.resolve("manifest.json"), "{\"v\":2}\n");

    IOException e = assertThrows(IOException.class, () -> store.upload("k", artifact));
    assertEquals(
        "gs://bucket/recopipe/artifacts/k/ already holds a different artifact "
            + "(artifacts are immutable; use a new key)",
        e.getMessage());
  }

  @Test
  void corruptedObjectIsDetectedNamingTheObject() throws IOException {
    store.upload("k", artifact);
    storage.create(
        BlobInfo.newBuilder("bucket", "recopipe/artifacts/k/factors/users.bin").build(),
        "tampered".getBytes(StandardCharsets.UTF_8));

    IOException e = assertThrows(IOException.class, () -> store.download("k", tmp.resolve("b")));
    assertTrue(
        e.getMessage()
            .startsWith("gs://bucket/recopipe/artifacts/k/factors/users.bin is corrupted: sha256 "),
        e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void artifactWithoutManifestIsNotListedAndCannotBeDownloaded() throws IOException {
    storage.create(
        BlobInfo.newBuilder("bucket", "recopipe/artifacts/half/a.txt").build(), new byte[] {1});

    assertEquals(List.of(), store.list(""));
    IOException e = assertThrows(IOException.class, () -> store.download("half", tmp.resolve("h")));
    assertEquals(
        "no artifact at gs://bucket/recopipe/artifacts/half/ (gs://bucket/recopipe/"
            + "artifacts/half/_recopipe_manifest.json is missing: never uploaded or the upload did "
            + "not finish)",
        e.getMessage());
  }

  @Test
  void manifestIsWrittenLast() throws IOException {
    List<String> created = new ArrayList<>();
    Storage recording =
        (Storage)
            Proxy.newProxyInstance(
                Storage.class.getClassLoader(),
                new Class<?>[] {Storage.class},
                (proxy, method, args) -> {
                  if (method.getName().startsWith("create") && args[0] instanceof BlobInfo info) {
                    created.add(info.getName());
                  }
                  try {
                    return method.invoke(storage, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });

    new GcsArtifactStore(recording, "bucket", "").upload("k", artifact);

    assertEquals(
        List.of("k/factors/users.bin", "k/manifest.json", "k/_recopipe_manifest.json"), created);
  }

  @Test
  void keysThatEscapeArePrevented() {
    assertThrows(IllegalArgumentException.class, () -> store.upload("a/../b", artifact));
    assertFalse(store.uri("a").contains("//a"));
  }
}
