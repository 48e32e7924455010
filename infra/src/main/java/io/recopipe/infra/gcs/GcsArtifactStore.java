package io.recopipe.infra.gcs;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import io.recopipe.model.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Keeps committed artifact directories on Cloud Storage ({@code gs://BUCKET/PREFIX/KEY/...}, one
 * object per file with its sha256 as metadata, the manifest written last), so a reader never sees
 * half an artifact and any corrupted object is caught on download.
 */
public final class GcsArtifactStore {
  /** The object metadata key holding the file's hex SHA-256. */
  public static final String SHA256_METADATA = "sha256";

  private final Storage storage;
  private final String bucket;
  private final String prefix;

  /** A store under {@code gs://bucket/prefix/} ({@code prefix} may be empty). */
  public GcsArtifactStore(Storage storage, String bucket, String prefix) {
    this.storage = storage;
    this.bucket = bucket;
    String p = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
    this.prefix = p.isEmpty() ? "" : p + "/";
  }

  /** {@code gs://BUCKET/PREFIX/KEY/}, where artifact {@code key} lives. */
  public String uri(String key) {
    return "gs://" + bucket + "/" + objectPrefix(key);
  }

  /**
   * The key of the artifact at {@code uri} ({@code gs://BUCKET/PREFIX/KEY/}, as {@link #uri} writes
   * it); empty when {@code uri} lies outside this store.
   */
  public Optional<String> keyOf(String uri) {
    String root = "gs://" + bucket + "/" + prefix;
    if (uri == null || !uri.startsWith(root)) {
      return Optional.empty();
    }
    String key = uri.substring(root.length()).replaceAll("/+$", "");
    return key.isEmpty() ? Optional.empty() : Optional.of(key);
  }

  /**
   * Uploads the files under {@code dir} as artifact {@code key}, the manifest last; uploading the
   * same content again is a no-op, different content under an existing key is refused.
   */
  public String upload(String key, Path dir) throws IOException {
    ArtifactManifest manifest = ArtifactFiles.scan(dir);
    byte[] manifestJson = manifest.toJson();
    BlobId manifestId = BlobId.of(bucket, objectPrefix(key) + ArtifactManifest.OBJECT);
    try {
      Blob existing = storage.get(manifestId);
      if (existing != null) {
        if (ArtifactManifest.parse(existing.getContent()).equals(manifest)) {
          return uri(key);
        }
        throw new IOException(
            uri(key)
                + " already holds a different artifact (artifacts are"
                + " immutable; use a new key)");
      }
      for (ArtifactManifest.Entry entry : manifest.files()) {
        BlobInfo info =
            BlobInfo.newBuilder(bucket, objectPrefix(key) + entry.path())
                .setMetadata(Map.of(SHA256_METADATA, entry.sha256()))
                .build();
        storage.create(info, Files.readAllBytes(ArtifactFiles.resolve(dir, entry.path())));
      }
      storage.create(
          BlobInfo.newBuilder(manifestId).setContentType("application/json").build(), manifestJson);
    } catch (StorageException e) {
      throw new IOException("cannot upload " + dir + " to " + uri(key) + ": " + e.getMessage(), e);
    }
    return uri(key);
  }

  /**
   * Downloads artifact {@code key} into the empty or new directory {@code target}, checking every
   * file against the manifest; a missing manifest or a mismatch names the object.
   */
  public void download(String key, Path target) throws IOException {
    ArtifactManifest manifest = manifest(key);
    Files.createDirectories(target);
    try {
      for (ArtifactManifest.Entry entry : manifest.files()) {
        String object = objectPrefix(key) + entry.path();
        Blob blob = storage.get(BlobId.of(bucket, object));
        if (blob == null) {
          throw new IOException(
              "gs://"
                  + bucket
                  + "/"
                  + object
                  + " is missing (listed in the "
                  + "manifest of "
                  + uri(key)
                  + ")");
        }
        byte[] content = blob.getContent();
        String actual = ArtifactFiles.sha256(content);
        if (!actual.equals(entry.sha256()) || content.length != entry.size()) {
          throw new IOException(
              "gs://"
                  + bucket
                  + "/"
                  + object
                  + " is corrupted: sha256 "
                  + actual
                  + " ("
                  + content.length
                  + " bytes), manifest says "
                  + entry.sha256()
                  + " ("
                  + entry.size()
                  + " bytes)");
        }
        Path file = ArtifactFiles.resolve(target, entry.path());
        Files.createDirectories(file.getParent());
        Files.write(file, content);
      }
    } catch (StorageException e) {
      throw new IOException("cannot download " + uri(key) + ": " + e.getMessage(), e);
    }
  }

  /** The manifest of artifact {@code key}; fails in one line when it is absent. */
  public ArtifactManifest manifest(String key) throws IOException {
    String object = objectPrefix(key) + ArtifactManifest.OBJECT;
    try {
      Blob blob = storage.get(BlobId.of(bucket, object));
      if (blob == null) {
        throw new IOException(
            "no artifact at "
                + uri(key)
                + " (gs://"
                + bucket
                + "/"
                + object
                + " is missing: never uploaded or the upload did not finish)");
      }
      return ArtifactManifest.parse(blob.getContent());
    } catch (StorageException e) {
      throw new IOException("cannot read gs://" + bucket + "/" + object + ": " + e.getMessage(), e);
    }
  }

  /** The keys of the complete artifacts (those with a manifest) under {@code keyPrefix}. */
  public List<String> list(String keyPrefix) throws IOException {
    List<String> keys = new ArrayList<>();
    String suffix = "/" + ArtifactManifest.OBJECT;
    try {
      for (Blob blob :
          storage.list(bucket, Storage.BlobListOption.prefix(prefix + keyPrefix)).iterateAll()) {
        String name = blob.getName();
        if (name.endsWith(suffix)) {
          keys.add(name.substring(prefix.length(), name.length() - suffix.length()));
        }
      }
    } catch (StorageException e) {
      throw new IOException(
          "cannot list gs://" + bucket + "/" + prefix + keyPrefix + ": " + e.getMessage(), e);
    }
    return keys.stream().sorted().toList();
  }

  private String objectPrefix(String key) {
    String k = key.replaceAll("^/+|/+$", "");
    if (k.isEmpty()
        || Stream.of(k.split("/")).anyMatch(s -> s.isEmpty() || s.equals("..") || s.equals("."))) {
      throw new InvalidInputException(
          "artifact key '" + key + "' must be non-empty path " + "segments without '.' or '..'");
    }
    return prefix + k + "/";
  }
}
