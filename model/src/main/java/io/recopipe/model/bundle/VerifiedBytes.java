package io.recopipe.model.bundle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * Reads a small bundle file whole and, when asked, checks it against the manifest's SHA-256, so
 * every reader of id lists and index files refuses a corrupted file the same way.
 */
final class VerifiedBytes {
  private VerifiedBytes() {}

  /**
   * The bytes of {@code entry} as a little-endian buffer; {@code what} names the content in the
   * too-large message.
   */
  static ByteBuffer read(Path bundle, BundleFile entry, boolean verify, String what)
      throws IOException {
    String name = entry.name();
    if (entry.bytes() > Integer.MAX_VALUE - 8) {
      throw new BundleFormatException(
          bundle, name, name + " is " + entry.bytes() + " bytes, more than " + what + " may be");
    }
    byte[] bytes = Files.readAllBytes(bundle.resolve(name));
    if (verify) {
      MessageDigest digest = Sha256.newDigest();
      digest.update(bytes);
      String actual = Sha256.hex(digest);
      if (!actual.equals(entry.sha256())) {
        throw BundleFormatException.checksumMismatch(bundle, entry, actual);
      }
    }
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }
}
