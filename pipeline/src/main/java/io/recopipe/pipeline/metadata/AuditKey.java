package io.recopipe.pipeline.metadata;

import io.recopipe.pipeline.home.OwnerOnlyFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The home's audit key: 32 random bytes in an owner-only file, created atomically on first use,
 * with which the audit log's head is sealed (HMAC-SHA256), so that someone who can edit the
 * database but cannot read this file cannot cut off or rewrite the newest entries unnoticed.
 */
public final class AuditKey {
  /** The key file's name in the home. */
  public static final String FILE_NAME = "audit.key";

  private static final int BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;

  AuditKey(Path file) {
    this.file = file;
  }

  /** The key file. */
  public Path file() {
    return file;
  }

  /** The key, when its file exists; a file of the wrong size is an error. */
  public Optional<byte[]> read() throws IOException {
    byte[] key;
    try {
      key = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (key.length != BYTES) {
      throw new IOException(file + ": expected " + BYTES + " bytes, found " + key.length);
    }
    return Optional.of(key);
  }

  /**
   * The key, creating its file (mode 0600) when missing: the bytes go to a private temporary file
   * that is then linked into place, so a concurrent creator's key is never overwritten and nobody
   * ever sees a partial file.
   */
  byte[] readOrCreate() throws IOException {
    Optional<byte[]> existing = read();
    if (existing.isPresent()) {
      return existing.get();
    }
    Path temp =
        OwnerOnlyFile.create(
            file.resolveSibling(FILE_NAME + ".tmp-" + Long.toHexString(RANDOM.nextLong())));
    try {
      byte[] key = new byte[BYTES];
      RANDOM.nextBytes(key);
      Files.write(temp, key);
      try {
        Files.createLink(file, temp);
      } catch (FileAlreadyExistsException raced) {
        return read().orElseThrow(() -> new IOException(file + " vanished while being created"));
      } catch (UnsupportedOperationException noLinks) {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      }
      return key;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** HMAC-SHA256 under {@code key} of the head ({@code seq}, {@code hash}), in hex. */
  static String seal(byte[] key, long seq, String hash) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal((seq + ":" + hash).getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  /** Whether {@code mac} seals ({@code seq}, {@code hash}) under {@code key}. */
  static boolean verifies(byte[] key, long seq, String hash, String mac) {
    return java.security.MessageDigest.isEqual(
        seal(key, seq, hash).getBytes(StandardCharsets.US_ASCII),
        mac.getBytes(StandardCharsets.US_ASCII));
  }
}
