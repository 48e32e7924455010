package io.recopipe.components.deploy;

import io.recopipe.model.json.JsonParser;
import io.recopipe.model.json.JsonValue;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks a {@code docker save}-style image tarball (as Jib writes it: {@code manifest.json}
 * naming layer tars, gzipped or not) into a root filesystem, so a local deploy can run the image's
 * app layers with the host's JRE and no Docker daemon.
 *
 * <p>Layers are applied in manifest order with OCI whiteouts; links are not materialized (our
 * images hold only files and directories) and no entry may escape the root.
 */
final class ImageTarball {
  private ImageTarball() {
  }

  /** Extracts every layer of {@code imageTar} into {@code rootfs}; returns the layer names. */
  static List<String> unpack(Path imageTar, Path rootfs) throws IOException {
    Path staging = rootfs.resolveSibling(rootfs.getFileName() + ".image");
    deleteTree(staging);
    try {
      extract(Files.newInputStream(imageTar), staging);
      Path manifest = staging.resolve("manifest.json");
      if (!Files.isRegularFile(manifest)) {
        throw new IOException(imageTar + " has no manifest.json (not a docker-save tarball)");
      }
      JsonValue json = JsonParser.parse(Files.readAllBytes(manifest));
      JsonValue first = json.asArray().get(0);
      List<String> layers = new ArrayList<>();
      Files.createDirectories(rootfs);
      for (JsonValue layer : first.asObject().getArray("Layers")) {
        Path file = inside(staging, layer.asString());
        extract(Files.newInputStream(file), rootfs);
        layers.add(layer.asString());
      }
      return layers;
    } catch (RuntimeException e) {
      throw new IOException("cannot read image " + imageTar + ": " + e.getMessage(), e);
    } finally {
      deleteTree(staging);
    }
  }

  /** Extracts one tar stream (gzipped or plain) into {@code root}, applying whiteouts. */
  static void extract(InputStream raw, Path root) throws IOException {
    Files.createDirectories(root);
    try (InputStream in = maybeGunzip(new BufferedInputStream(raw, 1 << 16))) {
      TarReader tar = new TarReader(in);
      for (TarReader.Entry entry = tar.next(); entry != null; entry = tar.next()) {
        if (entry.name().isEmpty()) {
          continue;
        }
        Path target = inside(root, entry.name());
        String base = target.getFileName().toString();
        if (base.equals(".wh..wh..opq")) {
          clearDirectory(target.getParent());
        } else if (base.startsWith(".wh.")) {
          deleteTree(target.resolveSibling(base.substring(4)));
        } else if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else if (entry.isFile()) {
          Files.createDirectories(target.getParent());
          Files.copy(tar.content(), target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static InputStream maybeGunzip(BufferedInputStream in) throws IOException {
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
  }

  private static Path inside(Path root, String name) throws IOException {
    Path target = root.resolve(name).normalize();
    if (!target.startsWith(root.normalize())) {
      throw new IOException("tar entry '" + name + "' escapes the extraction directory");
    }
    return target;
  }

  private static void clearDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      try (Stream<Path> children = Files.list(dir)) {
        for (Path child : children.toList()) {
          deleteTree(child);
        }
      }
    }
  }

  /** Deletes a file or directory tree if present. */
  static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
