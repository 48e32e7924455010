package io.recopipe.pipeline.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Reviewer tokens and their stored form: a token is 32 random bytes (base64url, prefixed {@code
 * rp_}); only its SHA-256 is stored, which is safe for 256-bit random secrets (no dictionary to
 * attack, so no slow hash is needed) and lets hashes be provisioned elsewhere.
 */
public final class TokenHash {
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenHash() {}

  /** A fresh random token. */
  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "rp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The SHA-256 (64 lower-case hex digits) of {@code token}, as stored. */
  public static String of(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.strip().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code hex} looks like a stored hash. */
  public static boolean isHash(String hex) {
    return hex != null && hex.matches("[0-9a-f]{64}");
  }

  /** Compares two hashes in constant time. */
  public static boolean same(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
