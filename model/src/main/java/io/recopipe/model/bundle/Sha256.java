package io.recopipe.model.bundle;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers shared by the bundle's writers and readers, kept in one place. */
final class Sha256 {
  private static final HexFormat HEX = HexFormat.of();

  private Sha256() {}

  /** Returns a fresh SHA-256 digest (every JDK has one). */
  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** Feeds {@code buffer}'s remaining bytes to {@code digest} without moving its position. */
  static void update(MessageDigest digest, ByteBuffer buffer) {
    digest.update(buffer.duplicate());
  }

  /** Finishes {@code digest} and returns it as lowercase hex. */
  static String hex(MessageDigest digest) {
    return HEX.formatHex(digest.digest());
  }

  /** Whether {@code text} is 64 lowercase hex digits. */
  static boolean isHex(String text) {
    if (text.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /** The first 12 hex digits, enough to tell two digests apart in a message. */
  static String shortForm(String hex) {
    return hex.substring(0, Math.min(12, hex.length())) + "…";
  }
}
