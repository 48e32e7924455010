package io.recopipe.pipeline.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random session ids and CSRF tokens (256 bits from {@link SecureRandom}) and their constant-time
 * comparison, so neither can be guessed nor learned by timing.
 */
public final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  /** A fresh 256-bit random token, base64url without padding. */
  public static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether {@code value} looks like a token this class made (43 base64url characters). */
  public static boolean wellFormed(String value) {
    return value != null && value.matches("[A-Za-z0-9_-]{43}");
  }

  /** Whether {@code expected} and {@code given} are equal, in time independent of content. */
  public static boolean matches(String expected, String given) {
    if (expected == null || given == null || expected.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
