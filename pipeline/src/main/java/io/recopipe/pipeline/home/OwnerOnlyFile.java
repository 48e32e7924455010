package io.recopipe.pipeline.home;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files only their owner may read or write (mode 0600 from the moment they exist, never widened
 * later), for secrets recopipe writes: reviewer tokens and the audit key.
 */
public final class OwnerOnlyFile {
  private OwnerOnlyFile() {}

  /** Creates {@code file} empty with mode 0600; fails when it already exists. */
  public static Path create(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    boolean posix = parent.getFileSystem().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] ownerOnly =
        posix
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            }
            : new FileAttribute<?>[0];
    return Files.createFile(file, ownerOnly);
  }

  /** Creates {@code file} with mode 0600 holding {@code text}; fails when it already exists. */
  public static Path write(Path file, String text) throws IOException {
    create(file);
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
