package io.recopipe.components.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerExtractorTest {
  @TempDir Path temp;

  private static final String LONG = "a/" + "very-long-directory-name/".repeat(6) + "file.txt";

  @Test
  void readsGnuLongNamesPaxPathsAndUstarPrefixes() throws Exception {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    entry(tar, "././@LongLink", 'L', (LONG + "\0").getBytes(StandardCharsets.UTF_8), "");
    entry(tar, LONG.substring(0, 99), '0', bytes("gnu"), "");
    String pax = "pax/" + "x".repeat(120);
    String record = " path=" + pax + "\n";
    String sized = (record.length() + 3) + record; // the length counts its own 3 digits
    entry(tar, "PaxHeaders/x", 'x', bytes(sized), "");
    entry(tar, "ignored", '0', bytes("pax"), "");
    entry(tar, "dir/", '5', new byte[0], "");
    entry(tar, "dir/link", '2', new byte[0], "../" + "gnu");
    tar.write(new byte[1024]);

    Path rootfs = temp.resolve("rootfs");
    LayerExtractor.apply(new ByteArrayInputStream(tar.toByteArray()), rootfs);
    assertEquals("gnu", Files.readString(rootfs.resolve(LONG)));
    assertEquals("pax", Files.readString(rootfs.resolve(pax)));
    assertFalse(Files.exists(rootfs.resolve("ignored")), "the PAX path replaces the header's");
    assertTrue(Files.isDirectory(rootfs.resolve("dir"), LinkOption.NOFOLLOW_LINKS));
    Path link = rootfs.resolve("dir/link");
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("../gnu", Files.readSymbolicLink(link).toString());
  }

  @Test
  void whiteoutsDeleteFilesAndOpaqueDirectoriesClear() throws Exception {
    Path rootfs = Files.createDirectories(temp.resolve("rootfs"));
    ByteArrayOutputStream lower = new ByteArrayOutputStream();
    entry(lower, "etc/keep", '0', bytes("k"), "");
    entry(lower, "etc/gone", '0', bytes("g"), "");
    entry(lower, "opt/old/file", '0', bytes("o"), "");
    lower.write(new byte[1024]);
    LayerExtractor.apply(new ByteArrayInputStream(lower.toByteArray()), rootfs);
    ByteArrayOutputStream upper = new ByteArrayOutputStream();
    entry(upper, "etc/.wh.gone", '0', new byte[0], "");
    entry(upper, "opt/.wh..wh..opq", '0', new byte[0], "");
    entry(upper, "opt/new", '0', bytes("n"), "");
    upper.write(new byte[1024]);
    LayerExtractor.apply(new ByteArrayInputStream(upper.toByteArray()), rootfs);

    assertTrue(Files.exists(rootfs.resolve("etc/keep")));
    assertFalse(Files.exists(rootfs.resolve("etc/gone")));
    assertFalse(Files.exists(rootfs.resolve("etc/.wh.gone")));
    assertFalse(Files.exists(rootfs.resolve("opt/old")));
    assertEquals("n", Files.readString(rootfs.resolve("opt/new")));
  }

  @Test
  void refusesEntriesThatEscapeTheRoot() throws Exception {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    entry(tar, "../evil", '0', bytes("x"), "");
    tar.write(new byte[1024]);
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                LayerExtractor.apply(
                    new ByteArrayInputStream(tar.toByteArray()), temp.resolve("rootfs")));
    assertTrue(e.getMessage().contains("escapes"), e.getMessage());
  }

  @Test
  void rejectsWhatIsNotATar() {
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                LayerExtractor.apply(new ByteArrayInputStream(garbage()), temp.resolve("rootfs")));
    assertTrue(e.getMessage().contains("not a tar archive"), e.getMessage());
  }

  private static byte[] garbage() {
    byte[] data = new byte[1024];
    java.util.Arrays.fill(data, (byte) 'z');
    return data;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Writes one ustar header (and padded data) the way GNU tar and commons-compress do. */
  private static void entry(
      ByteArrayOutputStream out, String name, char type, byte[] data, String link)
      throws IOException {
    byte[] header = new byte[512];
    put(header, 0, name, 100);
    put(header, 100, String.format("%07o", 0644), 8);
    put(header, 108, "0000000", 8);
    put(header, 116, "0000000", 8);
    put(header, 124, String.format("%011o", data.length), 12);
    put(header, 136, String.format("%011o", 0), 12);
    header[156] = (byte) type;
    put(header, 157, link, 100);
    put(header, 257, "ustar", 6);
    put(header, 263, "00", 2);
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, String.format("%06o", sum), 7);
    out.write(header);
    out.write(data);
    out.write(new byte[(512 - data.length % 512) % 512]);
  }

  private static void put(byte[] header, int offset, String text, int max) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(b, 0, header, offset, Math.min(b.length, max));
  }
}
