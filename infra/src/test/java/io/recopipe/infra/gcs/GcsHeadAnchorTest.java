package io.recopipe.infra.gcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recopipe.infra.contract.DiscoveryContract;
import io.recopipe.infra.contract.IamTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit head anchor's Cloud Storage calls through the real google-cloud-storage client against
 * {@link GcsStub}: each request pinned and checked against the Storage JSON API's discovery
 * document (objects.get, then objects.insert with {@code ifGenerationMatch}: 0 to create, the
 * generation read to replace), and a writer that lost the race (412 Precondition Failed) told so,
 * not overwriting.
 */
class GcsHeadAnchorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NAME = "audit/recopipe/audit_log.head.json";
  private static final String H1 = "1".repeat(64);
  private static final String H2 = "2".repeat(64);

  private GcsStub stub;
  private GcsHeadAnchor anchor;

  @BeforeEach
  void start() throws Exception {
    stub = new GcsStub();
    anchor = new GcsHeadAnchor(stub.client(), "bucket", NAME);
  }

  @AfterEach
  void stop() {
    assertEquals(List.of(), stub.violations(), "requests the published API would refuse");
    stub.close();
  }

  @Test
  void createReadAndReplaceAreConditionalOnTheGeneration() throws Exception {
    assertEquals("gs://bucket/" + NAME, anchor.uri());
    assertTrue(anchor.read().isEmpty());
    assertTrue(anchor.replace(0, 0, "0".repeat(64)).isPresent(), "created: ifGenerationMatch=0");
    assertFalse(anchor.replace(0, 0, "0".repeat(64)).isPresent(), "exists now: 412");
    GcsHeadAnchor.Head genesis = anchor.read().orElseThrow();
    assertEquals(0, genesis.seq());
    assertTrue(anchor.replace(genesis.generation(), 1, H1).isPresent());
    assertFalse(anchor.replace(genesis.generation(), 2, H2).isPresent(), "a stale generation: 412");
    GcsHeadAnchor.Head head = anchor.read().orElseThrow();
    assertEquals(1, head.seq());
    assertEquals(H1, head.hash());
    assertTrue(head.generation() > genesis.generation());

    String o = "/storage/v1/b/bucket/o/audit%2Frecopipe%2Faudit_log.head.json";
    String upload = "/upload/storage/v1/b/bucket/o";
    List<String> lines = new ArrayList<>();
    for (GcsStub.Request r : stub.requests()) {
      lines.add(r.id() + " " + r.method() + " " + r.rawPath() + "?" + query(r.rawQuery()));
    }
    String g0 = Long.toString(genesis.generation());
    assertEquals(
        List.of(
            "storage.objects.get GET " + o + "?[projection=full]",
            "storage.objects.insert POST " + upload + "?[ifGenerationMatch=0, " + MULTIPART,
            "storage.objects.insert POST " + upload + "?[ifGenerationMatch=0, " + MULTIPART,
            "storage.objects.get GET " + o + "?[projection=full]",
            "storage.objects.get GET /download" + o + "?[alt=media, generation=" + g0 + "]",
            "storage.objects.insert POST "
                + upload
                + "?[ifGenerationMatch="
                + g0
                + ", "
                + MULTIPART,
            "storage.objects.insert POST "
                + upload
                + "?[ifGenerationMatch="
                + g0
                + ", "
                + MULTIPART,
            "storage.objects.get GET " + o + "?[projection=full]",
            "storage.objects.get GET /download"
                + o
                + "?[alt=media, generation="
                + head.generation()
                + "]"),
        lines);
    for (GcsStub.Request r : stub.requests()) {
      if (r.id().equals("storage.objects.insert")) {
        assertEquals(
            new TreeSet<>(List.of("/bucket", "/contentType", "/crc32c", "/name")),
            DiscoveryContract.leafPaths(JSON.readTree(r.metadata())));
      }
    }
    assertEquals(
        "{\"seq\":1,\"hash\":\"" + H1 + "\"}",
        new String(stub.data("bucket", NAME), StandardCharsets.UTF_8));
    TreeSet<String> called = new TreeSet<>(stub.requests().stream().map(r -> r.id()).toList());
    assertTrue(IamTable.calledMethods().containsAll(called), called + " in iam-methods.csv");
  }

  @Test
  void aWriterThatLostTheRaceIsToldAndTheWinnersHeadStays() throws Exception {
    anchor.replace(0, 1, H1);
    GcsHeadAnchor.Head read = anchor.read().orElseThrow();
    byte[] winner = ("{\"seq\":2,\"hash\":\"" + H2 + "\"}").getBytes(StandardCharsets.UTF_8);
    stub.beforeNextInsert(() -> stub.put("bucket", NAME, winner));
    assertFalse(anchor.replace(read.generation(), 2, "f".repeat(64)).isPresent());
    assertEquals(H2, anchor.read().orElseThrow().hash(), "the winner's head is not overwritten");
  }

  @Test
  void anObjectThatHoldsNoHeadIsReportedNotGuessed() {
    stub.put("bucket", NAME, "{\"seq\":\"x\"}".getBytes(StandardCharsets.UTF_8));
    IOException e = assertThrows(GcsHeadAnchor.MalformedHeadException.class, anchor::read);
    assertTrue(e.getMessage().contains("gs://bucket/" + NAME + " is malformed"), e.getMessage());
  }

  private static final String MULTIPART = "projection=full, uploadType=multipart]";

  private static TreeSet<String> query(String rawQuery) {
    TreeSet<String> pairs = new TreeSet<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        pairs.add(pair);
      }
    }
    return pairs;
  }
}
