package io.recopipe.pipeline.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of one audit row: SHA-256 over the previous row's hash and this row's fields, each
 * length-prefixed so that no two different rows encode to the same bytes (moving text from one
 * field to the next changes the hash).
 */
final class AuditHash {
  /** The previous hash of the first row. */
  static final String GENESIS = "0".repeat(64);

  private AuditHash() {}

  static String of(
      String prevHash,
      long seq,
      String at,
      String actor,
      String action,
      String subject,
      String detail) {
    StringBuilder canonical = new StringBuilder();
    for (String field :
        new String[] {prevHash, Long.toString(seq), at, actor, action, subject, detail}) {
      canonical.append(field.length()).append(':').append(field).append('\n');
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
