package io.recopipe.components.readers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Recognises files by their first bytes (gzip, zip, Parquet), so a file is read as what it is, not
 * as what its name suggests, and a wrong kind of file is named instead of being parsed as garbled
 * text.
 */
public final class FileMagic {
  private FileMagic() {}

  /** Up to {@code count} leading bytes of {@code file}. */
  public static byte[] head(Path file, int count) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(count);
    }
  }

  /** Whether {@code file} is a regular file that starts like a Parquet file ({@code PAR1}). */
  public static boolean isParquet(Path file) throws IOException {
    return Files.isRegularFile(file) && isParquet(head(file, 4));
  }

  /** Whether {@code file} is a regular file that starts like a zip archive. */
  public static boolean isZip(Path file) throws IOException {
    return Files.isRegularFile(file) && isZip(head(file, 4));
  }

  static boolean isGzip(byte[] head) {
    return startsWith(head, 0x1f, 0x8b);
  }

  static boolean isZip(byte[] head) {
    return startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6);
  }

  static boolean isParquet(byte[] head) {
    return startsWith(head, 'P', 'A', 'R', '1');
  }

  static boolean startsWith(byte[] head, int... bytes) {
    if (head.length < bytes.length) {
      return false;
    }
    for (int n = 0; n < bytes.length; n++) {
      if ((head[n] & 0xff) != bytes[n]) {
        return false;
      }
    }
    return true;
  }
}
