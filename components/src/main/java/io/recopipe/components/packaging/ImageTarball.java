package io.recopipe.components.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * A {@code docker save} tarball (as Jib writes it) opened for reading: its config and its layers,
 * which a local deploy unpacks into a root filesystem instead of asking a container runtime.
 */
public final class ImageTarball {
  private final Path file;
  private final List<String> repoTags;
  private final ImageConfig config;
  private final List<Blob> blobs;
  private final Map<String, long[]> index;
  private List<ImageLayer> layers;

  /** Where one layer blob is, before it is hashed. */
  private record Blob(String entry, long[] at, String diffId, boolean compressed) {}

  private ImageTarball(
      Path file,
      List<String> repoTags,
      ImageConfig config,
      List<Blob> blobs,
      Map<String, long[]> index) {
    this.file = file;
    this.repoTags = repoTags;
    this.config = config;
    this.blobs = blobs;
    this.index = index;
  }

  /**
   * Opens and checks the tarball at {@code file}: reads {@code manifest.json} and the config it
   * names and finds every layer blob (hashed when {@link #layers} is first asked for).
   *
   * @throws IOException when the file is missing, not a tar archive, or not a docker-save tarball
   *     (no {@code manifest.json}, or it names missing entries)
   */
  public static ImageTarball open(Path file) throws IOException {
    Map<String, long[]> index = index(file);
    ObjectNode manifest = manifest(file, index);
    try {
      ImageConfig config = config(file, index, manifest);
      List<String> tags = new ArrayList<>();
      if (manifest.get("RepoTags") instanceof ArrayNode t) {
        t.forEach(v -> tags.add(JsonFields.asString(v)));
      }
      List<Blob> blobs = new ArrayList<>();
      ArrayNode names = JsonFields.array(manifest, "Layers");
      for (int i = 0; i < names.size(); i++) {
        String name = JsonFields.asString(names.get(i));
        long[] at = entry(file, index, name);
        String diffId = i < config.diffIds().size() ? config.diffIds().get(i) : "";
        blobs.add(new Blob(LayerExtractor.relative(name), at, diffId, isGzip(file, at)));
      }
      return new ImageTarball(file, List.copyOf(tags), config, List.copyOf(blobs), index);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " is not a docker save tarball (" + e.getMessage() + ")", e);
    }
  }

  /** Reads only the config of the tarball at {@code file} (no layer is hashed). */
  static ImageConfig readConfig(Path file) throws IOException {
    Map<String, long[]> index = index(file);
    try {
      return config(file, index, manifest(file, index));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " is not a docker save tarball (" + e.getMessage() + ")", e);
    }
  }

  private static ObjectNode manifest(Path file, Map<String, long[]> index) throws IOException {
    long[] manifestAt = index.get("manifest.json");
    if (manifestAt == null) {
      throw new IOException(file + " is not a docker save tarball (no manifest.json)");
    }
    try {
      JsonNode parsed = Json.parse(read(file, manifestAt));
      return parsed instanceof ArrayNode a && a.size() > 0
          ? JsonFields.asObject(a.get(0))
          : JsonFields.asObject(parsed);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " is not a docker save tarball (" + e.getMessage() + ")", e);
    }
  }

  private static ImageConfig config(Path file, Map<String, long[]> index, ObjectNode manifest)
      throws IOException {
    return ImageConfig.parse(
        JsonFields.asObject(
            Json.parse(read(file, entry(file, index, JsonFields.string(manifest, "Config"))))));
  }

  /** The tarball's path. */
  public Path file() {
    return file;
  }

  /** The image names it carries ({@code RepoTags}), e.g. {@code recopipe/recommender:run1}. */
  public List<String> repoTags() {
    return repoTags;
  }

  /** The image config. */
  public ImageConfig config() {
    return config;
  }

  /** The layers, base first, each blob hashed (once, on the first call). */
  public synchronized List<ImageLayer> layers() throws IOException {
    if (layers == null) {
      List<ImageLayer> hashed = new ArrayList<>();
      for (Blob blob : blobs) {
        hashed.add(
            new ImageLayer(
                blob.entry(),
                sha256(file, blob.at()),
                blob.at()[1],
                blob.diffId(),
                blob.compressed()));
      }
      layers = List.copyOf(hashed);
    }
    return layers;
  }

  /** How many layers the image has (nothing is hashed). */
  public int layerCount() {
    return blobs.size();
  }

  /** The uncompressed tar stream of layer {@code i}; the caller closes it. */
  public InputStream openLayer(int i) throws IOException {
    Blob blob = blobs.get(i);
    InputStream raw = new BufferedInputStream(slice(file, blob.at()), 1 << 16);
    return blob.compressed() ? new GZIPInputStream(raw, 1 << 16) : raw;
  }

  /**
   * Extracts every layer, in order, into {@code rootfs} (created when missing), applying whiteouts,
   * so the directory holds the container's filesystem.
   */
  public void extractTo(Path rootfs) throws IOException {
    Files.createDirectories(rootfs);
    for (int i = 0; i < blobs.size(); i++) {
      try (InputStream in = openLayer(i)) {
        LayerExtractor.apply(in, rootfs);
      }
    }
  }

  private static Map<String, long[]> index(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("no such file: " + file);
    }
    Map<String, long[]> index = new HashMap<>();
    try (TarFile tar = new TarFile(file)) {
      for (TarArchiveEntry entry : tar.getEntries()) {
        if (LayerExtractor.isRegularFile(entry)) {
          index.put(
              LayerExtractor.relative(entry.getName()),
              new long[] {entry.getDataOffset(), entry.getSize()});
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IOException(
          file + " is not a docker save tarball (not a tar archive: " + e.getMessage() + ")", e);
    }
    return index;
  }

  private static long[] entry(Path file, Map<String, long[]> index, String name)
      throws IOException {
    long[] at = index.get(LayerExtractor.relative(name));
    if (at == null) {
      throw new IOException(
          file
              + " is not a docker save tarball (manifest.json names "
              + name
              + ", which it does not contain)");
    }
    return at;
  }

  private static byte[] read(Path file, long[] at) throws IOException {
    try (InputStream in = slice(file, at)) {
      return in.readAllBytes();
    }
  }

  private static boolean isGzip(Path file, long[] at) throws IOException {
    try (InputStream in = slice(file, at)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  private static String sha256(Path file, long[] at) throws IOException {
    try (InputStream in = slice(file, at)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return "sha256:" + HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream slice(Path file, long[] at) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    channel.position(at[0]);
    InputStream whole = Channels.newInputStream(channel);
    return new InputStream() {
      private long left = at[1];

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (left <= 0) {
          return -1;
        }
        int n = whole.read(b, off, (int) Math.min(len, left));
        if (n > 0) {
          left -= n;
        }
        return n;
      }

      @Override
      public void close() throws IOException {
        channel.close();
      }
    };
  }
}
