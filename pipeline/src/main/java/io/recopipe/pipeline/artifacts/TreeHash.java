package io.recopipe.pipeline.artifacts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The content hash of a directory tree: SHA-256 over every regular file's relative path (with
 * {@code /} separators, sorted) and content, so two directories hash the same exactly when they
 * hold the same files with the same bytes, wherever they live.
 *
 * @param sha256 the hex digest
 * @param bytes the total size of the files' contents
 */
public record TreeHash(String sha256, long bytes) {

  /**
   * Hashes the tree under {@code dir} (which must exist). A second thread reads the files ahead of
   * the digest ({@link ReadAhead}), so reading a gigabyte of ratings overlaps hashing it; the bytes
   * hashed, and so the hash, are the same as reading and hashing in turn.
   */
  public static TreeHash of(Path dir) throws IOException {
    MessageDigest digest = newDigest();
    long total = 0;
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    List<String> names =
        files.stream().map(f -> dir.relativize(f).toString().replace('\\', '/')).sorted().toList();
    List<Path> sorted = names.stream().map(dir::resolve).toList();
    try (ReadAhead reads = ReadAhead.start(sorted)) {
      for (String name : names) {
        long size = Files.size(dir.resolve(name));
        digest.update(("F " + name + "\n" + size + "\n").getBytes(StandardCharsets.UTF_8));
        reads.each(digest::update);
        total += size;
      }
    }
    return new TreeHash(HexFormat.of().formatHex(digest.digest()), total);
  }

  /** A fresh SHA-256 digest. */
  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
