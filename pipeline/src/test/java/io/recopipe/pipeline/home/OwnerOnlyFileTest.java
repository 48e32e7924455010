package io.recopipe.pipeline.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets are owner-only from the moment they exist and never overwrite another file. */
class OwnerOnlyFileTest {
  @TempDir Path dir;

  @Test
  void aSecretIsWrittenOwnerOnlyAndNeverOverwritesAFile() throws Exception {
    Path token = OwnerOnlyFile.write(dir.resolve("alice"), "rp_secret\n");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
    assertEquals("rp_secret\n", Files.readString(token));
    assertThrows(
        FileAlreadyExistsException.class, () -> OwnerOnlyFile.write(dir.resolve("alice"), "other"));
    assertEquals("rp_secret\n", Files.readString(token));
  }
}
