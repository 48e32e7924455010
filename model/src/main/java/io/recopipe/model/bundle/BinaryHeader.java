package io.recopipe.model.bundle;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The 32-byte little-endian header that starts every binary file of a bundle, so that a file can be
 * recognized, versioned and size-checked on its own, even when separated from its manifest:
 *
 * <pre>
 *   0  magic    8 bytes, "RECOF32\0" (float32 array), "RECOIDS\0" (id list) or "RECOCSR\0"
 *               (int32 CSR table)
 *   8  version  int32, {@value #VERSION}
 *  12  width    int32, values per row (float arrays); columns (CSR tables); 0 for id lists
 *  16  count    int64, rows (float arrays, CSR tables) or ids (id lists)
 *  24  reserved 8 zero bytes
 * </pre>
 *
 * The data that follows starts at byte 32, so float rows are 32-byte aligned in the file.
 *
 * @param kind what the file holds
 * @param width values per row, 0 for id lists
 * @param count rows or ids
 */
record BinaryHeader(Kind kind, int width, long count) {
  /** Header size in bytes. */
  static final int BYTES = 32;

  /** The header version this recopipe writes and the newest it reads. */
  static final int VERSION = 1;

  /** The two kinds of binary file, each with its magic bytes. */
  enum Kind {
    FLOAT32("RECOF32\0", "a recopipe float32 array"),
    IDS("RECOIDS\0", "a recopipe id list"),
    CSR32("RECOCSR\0", "a recopipe int32 CSR table");

    private final byte[] magic;
    private final String description;

    Kind(String magic, String description) {
      this.magic = magic.getBytes(StandardCharsets.US_ASCII);
      this.description = description;
    }
  }

  /** Returns the header as {@value #BYTES} bytes. */
  ByteBuffer encode() {
    ByteBuffer out = ByteBuffer.allocate(BYTES).order(ByteOrder.LITTLE_ENDIAN);
    out.put(kind.magic).putInt(VERSION).putInt(width).putLong(count).putLong(0L);
    return out.flip();
  }

  /**
   * Decodes and checks the magic and version of the header at the start of {@code in}.
   *
   * @throws BundleFormatException naming {@code file} when it is short, of another kind or newer
   */
  static BinaryHeader decode(Path bundle, String file, ByteBuffer in, Kind expected)
      throws BundleFormatException {
    if (in.remaining() < BYTES) {
      throw new BundleFormatException(
          bundle,
          file,
          file
              + " is "
              + in.remaining()
              + " bytes, shorter than its "
              + BYTES
              + "-byte header (truncated?)");
    }
    ByteBuffer header = in.slice(in.position(), BYTES).order(ByteOrder.LITTLE_ENDIAN);
    byte[] magic = new byte[8];
    header.get(magic);
    if (!Arrays.equals(magic, expected.magic)) {
      throw new BundleFormatException(
          bundle, file, file + " is not " + expected.description + " (wrong magic bytes)");
    }
    int version = header.getInt();
    if (version > VERSION) {
      throw new BundleFormatException(
          bundle,
          file,
          file
              + " has header version "
              + version
              + ", newer than this recopipe reads ("
              + VERSION
              + "); upgrade recopipe");
    }
    if (version < 1) {
      throw new BundleFormatException(
          bundle, file, file + " has invalid header version " + version);
    }
    int width = header.getInt();
    long count = header.getLong();
    if (width < 0 || count < 0) {
      throw new BundleFormatException(
          bundle, file, file + " header has negative dimensions " + count + " × " + width);
    }
    return new BinaryHeader(expected, width, count);
  }
}
