package io.recopipe.infra.gcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recopipe.infra.contract.DiscoveryContract;
import io.recopipe.infra.contract.IamTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The artifact store's Cloud Storage calls, made by the real google-cloud-storage client over HTTP
 * to {@link GcsStub}, pinned request by request and each checked against the Storage JSON API's
 * published discovery document: method, path, query parameters and the object metadata sent.
 */
class GcsContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String O = "/storage/v1/b/bucket/o/";

  private GcsStub stub;
  private GcsArtifactStore store;

  @BeforeEach
  void start() throws Exception {
    stub = new GcsStub();
    store = new GcsArtifactStore(stub.client(), "bucket", "recopipe/artifacts");
  }

  @AfterEach
  void stop() {
    assertEquals(List.of(), stub.violations(), "requests the published API would refuse");
    stub.close();
  }

  @Test
  void uploadDownloadAndListSendOnlyWhatTheDiscoveryDocumentDeclares(@TempDir Path dir)
      throws Exception {
    Path artifact = Files.createDirectories(dir.resolve("model"));
    Files.writeString(artifact.resolve("weights.tsv"), "u1\t0.5\n");
    store.upload("train/run-1", artifact);
    store.upload("train/run-1", artifact);
    store.download("train/run-1", dir.resolve("back"));
    assertEquals(List.of("train/run-1"), store.list("train/"));
    assertEquals(
        "u1\t0.5\n", Files.readString(dir.resolve("back").resolve("weights.tsv")), "round trip");

    List<String> lines = new ArrayList<>();
    for (GcsStub.Request r : stub.requests()) {
      lines.add(r.id() + " " + r.method() + " " + r.rawPath() + "?" + queryNames(r.rawQuery()));
    }
    String manifest = "recopipe%2Fartifacts%2Ftrain%2Frun-1%2F" + ArtifactManifest.OBJECT;
    assertEquals(
        List.of(
            "storage.objects.get GET " + O + manifest + "?[projection]",
            "storage.objects.insert POST /upload/storage/v1/b/bucket/o?[projection, uploadType]",
            "storage.objects.insert POST /upload/storage/v1/b/bucket/o?[projection, uploadType]",
            "storage.objects.get GET " + O + manifest + "?[projection]",
            "storage.objects.get GET /download" + O + manifest + "?[alt, generation]",
            "storage.objects.get GET " + O + manifest + "?[projection]",
            "storage.objects.get GET /download" + O + manifest + "?[alt, generation]",
            "storage.objects.get GET "
                + O
                + "recopipe%2Fartifacts%2Ftrain%2Frun-1%2Fweights.tsv"
                + "?[projection]",
            "storage.objects.get GET /download"
                + O
                + "recopipe%2Fartifacts%2Ftrain%2Frun-1%2Fweights.tsv"
                + "?[alt, generation]",
            "storage.objects.list GET /storage/v1/b/bucket/o?[prefix, projection]"),
        lines);

    List<TreeSet<String>> uploads = new ArrayList<>();
    for (GcsStub.Request r : stub.requests()) {
      if (r.id().equals("storage.objects.insert")) {
        uploads.add(DiscoveryContract.leafPaths(JSON.readTree(r.metadata())));
      }
    }
    assertEquals(
        List.of(
            new TreeSet<>(List.of("/bucket", "/crc32c", "/metadata/sha256", "/name")),
            new TreeSet<>(List.of("/bucket", "/contentType", "/crc32c", "/name"))),
        uploads,
        "object metadata fields of the file, then of the manifest");

    TreeSet<String> called = new TreeSet<>(stub.requests().stream().map(r -> r.id()).toList());
    assertTrue(
        IamTable.calledMethods().containsAll(called),
        called + " all have a row in iam-methods.csv");
  }

  private static TreeSet<String> queryNames(String rawQuery) {
    TreeSet<String> names = new TreeSet<>();
    if (rawQuery != null) {
      Arrays.stream(rawQuery.split("&")).forEach(p -> names.add(p.split("=", 2)[0]));
    }
    return names;
  }
}
