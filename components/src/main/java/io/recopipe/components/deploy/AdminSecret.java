package io.recopipe.components.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A revision's admin API secret: 32 random bytes in an owner-only file ({@code admin.secret},
 * created 0600 in one step so no other user can ever read it) in the revision's directory, handed
 * to the server by path, never on its command line where {@code ps} would show it.
 */
final class AdminSecret {
  /** The secret's file name inside a revision directory. */
  static final String FILE = "admin.secret";

  private static final SecureRandom RANDOM = new SecureRandom();

  private AdminSecret() {}

  /** Creates a fresh secret file in {@code revisionDir}; returns its path. */
  static Path create(Path revisionDir) throws IOException {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Path file = revisionDir.resolve(FILE);
    Files.deleteIfExists(file);
    try (OutputStream out =
        Files.newOutputStream(
            Files.createFile(
                file,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
            StandardOpenOption.WRITE)) {
      out.write(secret.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  /** The secret of the revision in {@code revisionDir}, or "" when it has none. */
  static String read(Path revisionDir) {
    try {
      return Files.readString(revisionDir.resolve(FILE), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "";
    }
  }
}
