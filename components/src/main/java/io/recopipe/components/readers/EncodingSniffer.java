package io.recopipe.components.readers;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens a text source as characters after looking at its first bytes: gzip is decompressed, a UTF-8
 * or UTF-16 byte-order mark picks the charset, and zip, Parquet or binary content is refused by
 * name, so the user hears the real cause instead of "bad column" on line 1.
 */
final class EncodingSniffer {
  private static final int BUFFER_BYTES = 1 << 16;
  private static final int SNIFF_BYTES = 8192;

  private EncodingSniffer() {}

  /** Opens {@code source}; {@code fallback} is the charset when no byte-order mark says else. */
  static Reader open(TextSource source, Charset fallback) throws IOException {
    InputStream in = new BufferedInputStream(source.open(), BUFFER_BYTES);
    try {
      byte[] head = peek(in);
      if (FileMagic.isGzip(head)) {
        in = new BufferedInputStream(gunzip(in, source), BUFFER_BYTES);
        head = peek(in);
      }
      Charset charset = fallback;
      int bom = 0;
      if (FileMagic.startsWith(head, 0xef, 0xbb, 0xbf)) {
        charset = StandardCharsets.UTF_8;
        bom = 3;
      } else if (FileMagic.startsWith(head, 0xff, 0xfe)) {
        charset = StandardCharsets.UTF_16LE;
        bom = 2;
      } else if (FileMagic.startsWith(head, 0xfe, 0xff)) {
        charset = StandardCharsets.UTF_16BE;
        bom = 2;
      } else {
        refuseNonText(source, head);
      }
      in.skipNBytes(bom);
      return new InputStreamReader(in, charset);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  private static InputStream gunzip(InputStream in, TextSource source) throws IOException {
    try {
      return new GZIPInputStream(in, BUFFER_BYTES);
    } catch (ZipException e) {
      throw new DataFormatException(
          source.name(),
          "expected gzip-compressed text, found a corrupt gzip header (" + e.getMessage() + ")");
    }
  }

  private static byte[] peek(InputStream in) throws IOException {
    in.mark(SNIFF_BYTES);
    byte[] head = in.readNBytes(SNIFF_BYTES);
    in.reset();
    return head;
  }

  private static void refuseNonText(TextSource source, byte[] head) {
    if (FileMagic.isZip(head)) {
      throw new DataFormatException(
          source.name(),
          "a zip archive, not delimited text: pass the"
              + " .zip of a MovieLens release as the source, or unzip it and pass the ratings file");
    }
    if (FileMagic.isParquet(head)) {
      throw new DataFormatException(
          source.name(),
          "a Parquet file, not delimited text: name it"
              + " *.parquet so ingest reads it as Parquet");
    }
    int nul = indexOfNul(head);
    if (nul < 0) {
      return;
    }
    if (looksLikeUtf16WithoutBom(head)) {
      throw new DataFormatException(
          source.name(), "UTF-16 text without a byte-order mark:" + " save it as UTF-8");
    }
    throw new DataFormatException(
        source.name(),
        "binary file, not delimited text (a NUL byte at" + " byte offset " + nul + ")");
  }

  private static int indexOfNul(byte[] head) {
    for (int n = 0; n < head.length; n++) {
      if (head[n] == 0) {
        return n;
      }
    }
    return -1;
  }

  /** ASCII text in UTF-16: every byte on one side of each pair is NUL, the other never. */
  private static boolean looksLikeUtf16WithoutBom(byte[] head) {
    int pairs = head.length / 2;
    if (pairs < 2) {
      return false;
    }
    int evenNul = 0;
    int oddNul = 0;
    for (int n = 0; n + 1 < head.length; n += 2) {
      evenNul += head[n] == 0 ? 1 : 0;
      oddNul += head[n + 1] == 0 ? 1 : 0;
    }
    return evenNul == pairs && oddNul == 0 || oddNul == pairs && evenNul == 0;
  }
}
