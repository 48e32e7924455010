package io.recopipe.components.packaging;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A small streaming tar reader (ustar, GNU long names, PAX path and size records), enough for
 * docker-save tarballs and their layers without another dependency.
 */
public final class TarReader {
  private static final int BLOCK = 512;

  private final InputStream in;
  private long position;
  private long remaining;
  private long padding;
  private long dataOffset;

  /** Reads entries from {@code in}; the caller closes it. */
  public TarReader(InputStream in) {
    this.in = in;
  }

  /**
   * Skips what is left of the current entry and decodes the next header.
   *
   * @return the next entry, or null at the end of the archive
   * @throws IOException when the archive is truncated or a header is corrupt
   */
  public TarEntry next() throws IOException {
    skip(remaining + padding);
    remaining = 0;
    padding = 0;
    String longName = null;
    String longLink = null;
    Long paxSize = null;
    while (true) {
      byte[] header = new byte[BLOCK];
      if (!readBlock(header)) {
        return null;
      }
      if (isZero(header)) {
        return null;
      }
      checkSum(header);
      char type = (char) header[156];
      long size = number(header, 124, 12);
      if (type == 'L' || type == 'K' || type == 'x' || type == 'g') {
        byte[] data = readData(size);
        String text = trimNul(new String(data, StandardCharsets.UTF_8));
        if (type == 'L') {
          longName = text;
        } else if (type == 'K') {
          longLink = text;
        } else if (type == 'x') {
          PaxRecords pax = PaxRecords.parse(data);
          longName = pax.path() != null ? pax.path() : longName;
          longLink = pax.linkPath() != null ? pax.linkPath() : longLink;
          paxSize = pax.size() != null ? pax.size() : paxSize;
        }
        continue;
      }
      String name = longName != null ? longName : headerName(header);
      String link = longLink != null ? longLink : text(header, 157, 100);
      if (paxSize != null) {
        size = paxSize;
      }
      int mode = (int) number(header, 100, 8);
      long mtime = number(header, 136, 12);
      boolean hasData = type != '5' && type != '2' && type != '1' && type != '3' && type != '4'
          && type != '6';
      remaining = hasData ? size : 0;
      padding = hasData ? (BLOCK - size % BLOCK) % BLOCK : 0;
      dataOffset = position;
      return new TarEntry(name, type, mode, hasData ? size : 0, mtime, link);
    }
  }

  /** The offset in the stream where the current entry's data starts. */
  public long dataOffset() {
    return dataOffset;
  }

  /** The current entry's data; valid until the next call to {@link #next()}. */
  public InputStream content() {
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
          throw new EOFException("tar entry truncated");
        }
        remaining -= n;
        position += n;
        return n;
      }
    };
  }

  private byte[] readData(long size) throws IOException {
    if (size < 0 || size > 1 << 24) {
      throw new IOException("tar extension header too large: " + size);
    }
    byte[] data = in.readNBytes((int) size);
    if (data.length != size) {
      throw new EOFException("tar archive truncated");
    }
    position += size;
    skip((BLOCK - size % BLOCK) % BLOCK);
    return data;
  }

  private boolean readBlock(byte[] block) throws IOException {
    int n = in.readNBytes(block, 0, BLOCK);
    position += n;
    if (n == 0) {
      return false;
    }
    if (n < BLOCK) {
      throw new EOFException("tar archive truncated in a header");
    }
    return true;
  }

  private void skip(long n) throws IOException {
    long left = n;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("tar archive truncated");
        }
        skipped = 1;
      }
      left -= skipped;
      position += skipped;
    }
  }

  private static String headerName(byte[] header) {
    String name = text(header, 0, 100);
    boolean ustar = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    String prefix = ustar ? text(header, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static void checkSum(byte[] header) throws IOException {
    long stored = number(header, 148, 8);
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xff);
    }
    if (sum != stored) {
      throw new IOException("not a tar archive (bad header checksum)");
    }
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static String text(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static String trimNul(String text) {
    int nul = text.indexOf('\0');
    return nul >= 0 ? text.substring(0, nul) : text;
  }

  /** An octal field, or a base-256 one (GNU) when the high bit of the first byte is set. */
  static long number(byte[] header, int offset, int length) throws IOException {
    if ((header[offset] & 0x80) != 0) {
      long value = header[offset] & 0x7f;
      for (int i = 1; i < length; i++) {
        value = (value << 8) | (header[offset + i] & 0xff);
      }
      return value;
    }
    long value = 0;
    for (int i = offset; i < offset + length; i++) {
      byte b = header[i];
      if (b == 0 || (b == ' ' && value > 0)) {
        break;
      }
      if (b == ' ') {
        continue;
      }
      if (b < '0' || b > '7') {
        throw new IOException("not a tar archive (bad number in a header)");
      }
      value = value * 8 + (b - '0');
    }
    return value;
  }
}
