package io.recopipe.components.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The few PAX extended-header records a tar reader needs ({@code path}, {@code linkpath},
 * {@code size}), since commons-compress writers use them for long names and large files.
 */
record PaxRecords(String path, String linkPath, Long size) {

  /** Parses records of the form {@code "LEN key=value\n"}. */
  static PaxRecords parse(byte[] data) throws IOException {
    String path = null;
    String linkPath = null;
    Long size = null;
    int pos = 0;
    while (pos < data.length && data[pos] != 0) {
      int space = pos;
      while (space < data.length && data[space] != ' ') {
        space++;
      }
      int length;
      try {
        length = Integer.parseInt(new String(data, pos, space - pos, StandardCharsets.US_ASCII));
      } catch (NumberFormatException e) {
        throw new IOException("corrupt PAX header in tar archive");
      }
      if (length <= 0 || pos + length > data.length) {
        throw new IOException("corrupt PAX header in tar archive");
      }
      String record = new String(data, space + 1, pos + length - space - 2,
          StandardCharsets.UTF_8);
      int eq = record.indexOf('=');
      if (eq > 0) {
        String key = record.substring(0, eq);
        String value = record.substring(eq + 1);
        switch (key) {
          case "path" -> path = value;
          case "linkpath" -> linkPath = value;
          case "size" -> size = Long.parseLong(value);
          default -> {
          }
        }
      }
      pos += length;
    }
    return new PaxRecords(path, linkPath, size);
  }
}
