package io.recopipe.infra.vertex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.aiplatform.v1.GetModelRequest;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import io.recopipe.infra.gcs.GcsArtifactStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The champion a Vertex task reads: {@code GetModel} on {@code models/M@champion} through the real
 * client, then the version's {@code artifact_uri} downloaded from (in-memory) Cloud Storage and
 * checked against its manifest.
 */
class ChampionDownloadTest {
  private static final String BUCKET = "recopipe-demo-artifacts";

  @TempDir Path dir;

  private final FakeModelService fake = new FakeModelService();
  private VertexModelRegistryClient client;
  private Storage storage;
  private GcsArtifactStore store;

  @BeforeEach
  void start() throws Exception {
    client = fake.client();
    storage = LocalStorageHelper.getOptions().getService();
    store = new GcsArtifactStore(storage, BUCKET, "artifacts");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private String uploadBundle(String key, String weights) throws IOException {
    Path bundle = Files.createDirectories(dir.resolve("bundles").resolve(key));
    Files.writeString(bundle.resolve("manifest.json"), "{\"model\":\"" + key + "\"}");
    Files.writeString(bundle.resolve("weights.bin"), weights);
    return store.upload(key, bundle);
  }

  private String register(String artifactUri) {
    return client.upload(
        new ModelUpload(
            "movielens-mf",
            "movielens-mf",
            artifactUri,
            "europe-west1-docker.pkg.dev/recopipe-demo/recopipe/recopipe@sha256:ab",
            "",
            Map.of(),
            null));
  }

  @Test
  void downloadsTheBundleTheChampionAliasPointsAt() throws IOException {
    ChampionDownload champions = new ChampionDownload(client, store);
    assertTrue(champions.download("movielens-mf", "champion", dir.resolve("c")).isEmpty());

    register(uploadBundle("r1/export/model", "one"));
    String v2 = register(uploadBundle("r2/export/model", "two"));
    client.mergeAliases("movielens-mf", v2, List.of("champion"));

    Path champion = champions.download("movielens-mf", "champion", dir.resolve("c")).orElseThrow();
    assertEquals(dir.resolve("c").resolve("v2"), champion);
    assertEquals("two", Files.readString(champion.resolve("weights.bin")));
    List<GetModelRequest> gets = fake.requests(GetModelRequest.class);
    GetModelRequest get = gets.get(gets.size() - 1);
    assertEquals(
        "projects/recopipe-demo/locations/europe-west1/models/movielens-mf@champion",
        get.getName());
    // a second task in the same work directory reuses the verified copy
    assertEquals(
        champion, champions.download("movielens-mf", "champion", dir.resolve("c")).orElseThrow());
  }

  @Test
  void aCorruptedOrForeignChampionFailsInsteadOfSkippingTheComparison() throws IOException {
    ChampionDownload champions = new ChampionDownload(client, store);
    String v1 = register(uploadBundle("r1/export/model", "one"));
    client.mergeAliases("movielens-mf", v1, List.of("champion"));
    storage.create(
        BlobInfo.newBuilder(BlobId.of(BUCKET, "artifacts/r1/export/model/weights.bin")).build(),
        "tampered".getBytes(StandardCharsets.UTF_8));
    IOException corrupted =
        assertThrows(
            IOException.class,
            () -> champions.download("movielens-mf", "champion", dir.resolve("c")));
    assertTrue(corrupted.getMessage().contains("is corrupted"), corrupted.getMessage());

    String v2 = register("gs://elsewhere/model/");
    client.mergeAliases("movielens-mf", v2, List.of("champion"));
    IOException foreign =
        assertThrows(
            IOException.class,
            () -> champions.download("movielens-mf", "champion", dir.resolve("c")));
    assertTrue(foreign.getMessage().contains("gs://elsewhere/model/"), foreign.getMessage());
  }
}
