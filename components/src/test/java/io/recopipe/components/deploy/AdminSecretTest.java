package io.recopipe.components.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-revision admin secret: owner-only from creation, random, readable by the deployer. */
class AdminSecretTest {
  @TempDir Path dir;

  @Test
  void createdOwnerOnlyAndFreshEachTime() throws Exception {
    Path first = AdminSecret.create(dir);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first)));
    String secret = AdminSecret.read(dir);
    assertTrue(secret.length() >= 40, secret);
    AdminSecret.create(dir);
    assertNotEquals(secret, AdminSecret.read(dir));
    assertEquals("", AdminSecret.read(dir.resolve("missing")));
  }
}
