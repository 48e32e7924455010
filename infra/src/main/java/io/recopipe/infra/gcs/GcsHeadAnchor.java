package io.recopipe.infra.gcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import io.recopipe.infra.config.GcpConfig;
import java.io.IOException;
import java.util.Optional;

/**
 * The head of an append-only log (its newest sequence number and hash) kept in one Cloud Storage
 * object outside the log's table, so cutting the newest rows off the table is noticed: the object
 * still names the row that was there. It only moves by compare-and-swap on the object's generation
 * ({@code ifGenerationMatch}, 0 to create it), so two writers never overwrite each other's newer
 * head with an older one; the loser is told and reads again. What a head means is the caller's.
 */
public final class GcsHeadAnchor {
  /** HTTP 412: the {@code ifGenerationMatch} precondition did not hold. */
  static final int PRECONDITION_FAILED = 412;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A head as read.
   *
   * @param seq the newest row's sequence number (0: nothing appended yet)
   * @param hash that row's hash
   * @param generation the object generation it was read at, for the next compare-and-swap
   */
  public record Head(long seq, String hash, long generation) {}

  /** The object exists but holds no head: evidence of a rewrite, not a read failure. */
  public static final class MalformedHeadException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedHeadException(String message) {
      super(message);
    }
  }

  private final Storage storage;
  private final BlobId object;

  /** The anchor in {@code gs://bucket/object}. */
  public GcsHeadAnchor(Storage storage, String bucket, String object) {
    this.storage = storage;
    this.object = BlobId.of(bucket, object);
  }

  /**
   * The audit log's anchor of {@code config}: {@code gs://BUCKET/audit/DATASET/TABLE.head.json}.
   */
  public static GcsHeadAnchor forAuditTable(Storage storage, GcpConfig config, String table) {
    return new GcsHeadAnchor(
        storage, config.bucket(), "audit/" + config.dataset() + "/" + table + ".head.json");
  }

  /** {@code gs://BUCKET/OBJECT}, for messages. */
  public String uri() {
    return "gs://" + object.getBucket() + "/" + object.getName();
  }

  /**
   * The head, or empty when the object does not exist.
   *
   * @throws MalformedHeadException when the object does not hold a head
   * @throws IOException when it cannot be read
   */
  public Optional<Head> read() throws IOException {
    try {
      Blob blob = storage.get(object);
      if (blob == null) {
        return Optional.empty();
      }
      JsonNode json;
      try {
        json = JSON.readTree(blob.getContent());
      } catch (IOException e) {
        json = null;
      }
      JsonNode seq = json == null ? null : json.get("seq");
      JsonNode hash = json == null ? null : json.get("hash");
      if (seq == null || !seq.isIntegralNumber() || seq.asLong() < 0 || hash == null) {
        throw new MalformedHeadException(
            uri() + " is malformed: expected {\"seq\": N, \"hash\": \"…\"}");
      }
      return Optional.of(new Head(seq.asLong(), hash.asText(), blob.getGeneration()));
    } catch (StorageException e) {
      throw new IOException("cannot read " + uri() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes head {@code seq}/{@code hash} if the object is still at {@code generation} (0: it must
   * not exist yet); returns the head written, or empty when another writer changed it first.
   *
   * @throws IOException on any other failure
   */
  public Optional<Head> replace(long generation, long seq, String hash) throws IOException {
    ObjectNode head = JSON.createObjectNode().put("seq", seq).put("hash", hash);
    BlobInfo info = BlobInfo.newBuilder(object).setContentType("application/json").build();
    try {
      Blob written =
          storage.create(
              info,
              JSON.writeValueAsBytes(head),
              generation == 0
                  ? Storage.BlobTargetOption.doesNotExist()
                  : Storage.BlobTargetOption.generationMatch(generation));
      return Optional.of(new Head(seq, hash, written.getGeneration()));
    } catch (StorageException e) {
      if (e.getCode() == PRECONDITION_FAILED) {
        return Optional.empty();
      }
      throw new IOException("cannot write " + uri() + ": " + e.getMessage(), e);
    }
  }
}
