package io.recopipe.infra.gcs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads an artifact directory into a manifest and maps manifest paths back to files, refusing paths
 * that would escape the directory, so uploads and downloads agree on the tree.
 */
final class ArtifactFiles {
  private ArtifactFiles() {}

  /** The manifest of the regular files under {@code dir}, sorted by path. */
  static ArtifactManifest scan(Path dir) throws IOException {
    Path root = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new IOException("artifact directory " + root + " does not exist");
    }
    List<ArtifactManifest.Entry> entries = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        if (relative.equals(ArtifactManifest.OBJECT)) {
          throw new IOException(
              file + ": the name " + ArtifactManifest.OBJECT + " is reserved for the GCS manifest");
        }
        entries.add(new ArtifactManifest.Entry(relative, sha256(file), Files.size(file)));
      }
    }
    return new ArtifactManifest(entries);
  }

  /** {@code dir/relative}, refusing a path that leaves {@code dir}. */
  static Path resolve(Path dir, String relative) throws IOException {
    Path root = dir.toAbsolutePath().normalize();
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root) || file.equals(root)) {
      throw new IOException("manifest path '" + relative + "' leaves the artifact directory");
    }
    return file;
  }

  static String sha256(byte[] content) {
    return HexFormat.of().formatHex(digest().digest(content));
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest = digest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
