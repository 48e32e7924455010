package io.recopipe.components.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the entries of a tar stream (ustar, GNU long names and PAX path records, as Jib and
 * {@code docker save} write them), because unpacking an image needs no more than that and the
 * JDK has no tar reader.
 */
final class TarReader {
  private static final int BLOCK = 512;

  /** One tar entry: its path (without a leading {@code ./} or {@code /}), type and size. */
  record Entry(String name, char type, long size, String linkTarget) {
    boolean isFile() {
      return type == '0' || type == '\0' || type == '7';
    }

    boolean isDirectory() {
      return type == '5';
    }
  }

  private final InputStream in;
  private long remaining;
  private int padding;

  TarReader(InputStream in) {
    this.in = in;
  }

  /** The next entry, or null at the end of the archive; skips what was left of the last one. */
  Entry next() throws IOException {
    skipRest();
    String longName = null;
    while (true) {
      byte[] header = in.readNBytes(BLOCK);
      if (header.length < BLOCK || isZero(header)) {
        return null;
      }
      char type = (char) header[156];
      long size = octal(header, 124, 12);
      if (type == 'L' || type == 'x') {
        byte[] data = readData(size);
        longName = type == 'L' ? cString(data, 0, data.length) : paxPath(data, longName);
        continue;
      }
      if (type == 'g') {
        readData(size);
        continue;
      }
      String name = longName != null ? longName : fullName(header);
      remaining = size;
      padding = (int) ((BLOCK - size % BLOCK) % BLOCK);
      return new Entry(clean(name), type, size, cString(header, 157, 100));
    }
  }

  /** The current entry's content; valid until {@link #next()}. */
  InputStream content() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (remaining <= 0) {
          return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
          throw new IOException("tar entry truncated");
        }
        remaining -= n;
        return n;
      }
    };
  }

  private void skipRest() throws IOException {
    in.skipNBytes(remaining + padding);
    remaining = 0;
    padding = 0;
  }

  private byte[] readData(long size) throws IOException {
    if (size > 1 << 20) {
      throw new IOException("tar header record of " + size + " bytes is too large");
    }
    byte[] data = in.readNBytes((int) size);
    if (data.length < size) {
      throw new IOException("tar archive truncated");
    }
    in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
    return data;
  }

  private static String paxPath(byte[] data, String fallback) {
    String text = new String(data, StandardCharsets.UTF_8);
    for (String record : text.split("\n")) {
      int space = record.indexOf(' ');
      if (space > 0 && record.startsWith("path=", space + 1)) {
        return record.substring(space + 1 + "path=".length());
      }
    }
    return fallback;
  }

  private static String fullName(byte[] header) {
    String name = cString(header, 0, 100);
    boolean ustar = cString(header, 257, 6).startsWith("ustar");
    String prefix = ustar ? cString(header, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static String clean(String name) {
    String result = name;
    while (result.startsWith("./") || result.startsWith("/")) {
      result = result.substring(result.startsWith("./") ? 2 : 1);
    }
    return result;
  }

  private static long octal(byte[] header, int offset, int length) throws IOException {
    if ((header[offset] & 0x80) != 0) {
      long value = 0;
      for (int i = offset + 1; i < offset + length; i++) {
        value = (value << 8) | (header[i] & 0xff);
      }
      return value;
    }
    String text = cString(header, offset, length).trim();
    try {
      return text.isEmpty() ? 0 : Long.parseLong(text, 8);
    } catch (NumberFormatException e) {
      throw new IOException("bad tar header number '" + text + "'", e);
    }
  }

  private static String cString(byte[] bytes, int offset, int length) {
    int end = offset;
    while (end < offset + length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
