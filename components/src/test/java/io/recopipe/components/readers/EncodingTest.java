package io.recopipe.components.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not plain UTF-8 text: each is read properly or refused naming the cause. */
class EncodingTest {
  private static final String CSV = "user_id,item_id,rating\nJosé,Café,4.5\nu2,i2,3\n";
  private static final String ROWS = "José Café 4.5 0\nu2 i2 3.0 0\n";

  private static Path bytes(Path file, byte[]... parts) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.write(part);
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.write(file, all.toByteArray());
  }

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    }
    return out.toByteArray();
  }

  private static String failure(Path path) {
    return assertThrows(DataFormatException.class, () -> DatasetReader.read(path)).getMessage();
  }

  @Test
  void utf16WithByteOrderMarkIsDecoded(@TempDir Path tmp) throws IOException {
    Path le =
        bytes(
            tmp.resolve("le.csv"),
            new byte[] {(byte) 0xff, (byte) 0xfe},
            CSV.getBytes(StandardCharsets.UTF_16LE));
    assertEquals(ROWS, Fixtures.rows(DatasetReader.read(le)));
    Path be =
        bytes(
            tmp.resolve("be.csv"),
            new byte[] {(byte) 0xfe, (byte) 0xff},
            CSV.getBytes(StandardCharsets.UTF_16BE));
    assertEquals(ROWS, Fixtures.rows(DatasetReader.read(be)));
    Path explicit =
        bytes(
            tmp.resolve("x.csv"),
            new byte[] {(byte) 0xff, (byte) 0xfe},
            CSV.getBytes(StandardCharsets.UTF_16LE));
    assertEquals(ROWS, Fixtures.rows(DatasetReader.read(explicit, DelimitedOptions.csv())));
  }

  @Test
  void utf16WithoutByteOrderMarkIsNamed(@TempDir Path tmp) throws IOException {
    Path file =
        bytes(tmp.resolve("nobom.csv"), CSV.replace("é", "e").getBytes(StandardCharsets.UTF_16LE));
    assertEquals(file + ": UTF-16 text without a byte-order mark: save it as UTF-8", failure(file));
  }

  @Test
  void utf8ByteOrderMarkIsSkipped(@TempDir Path tmp) throws IOException {
    Path file =
        bytes(
            tmp.resolve("bom.csv"),
            new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
            CSV.getBytes(StandardCharsets.UTF_8));
    assertEquals(ROWS, Fixtures.rows(DatasetReader.read(file)));
    Path latin =
        bytes(
            tmp.resolve("ml").resolve("u.data"),
            new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
            "1\t2\t3\t4\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(1, DatasetReader.read(latin.getParent()).ratings().size());
  }

  @Test
  void gzipIsReadTransparently(@TempDir Path tmp) throws IOException {
    Path csv = bytes(tmp.resolve("ratings.csv.gz"), gzip(CSV.getBytes(StandardCharsets.UTF_8)));
    assertEquals(ROWS, Fixtures.rows(DatasetReader.read(csv)));
    Path dat =
        bytes(
            tmp.resolve("dat").resolve("ratings.dat.gz"),
            gzip("1::122::4.5::838985046\n".getBytes(StandardCharsets.ISO_8859_1)));
    Dataset tenM = DatasetReader.read(dat);
    assertEquals(DatasetFormat.MOVIELENS_DAT, tenM.report().format());
    assertEquals(4.5f, tenM.ratings().rating(0));
    Path split =
        bytes(
            tmp.resolve("u1.base.gz"), gzip("1\t2\t3\t4\n".getBytes(StandardCharsets.ISO_8859_1)));
    assertEquals(DatasetFormat.MOVIELENS_100K, DatasetReader.read(split).report().format());
    Path corrupt = bytes(tmp.resolve("bad.csv.gz"), new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
    assertEquals(
        corrupt
            + ": expected gzip-compressed text, found a corrupt gzip header"
            + " (Unsupported compression method)",
        failure(corrupt));
  }

  @Test
  void binaryAndParquetAreNamed(@TempDir Path tmp) throws IOException {
    Path binary =
        bytes(tmp.resolve("image.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3});
    assertEquals(
        binary + ": binary file, not delimited text (a NUL byte at byte offset 4)",
        failure(binary));
    Path parquet =
        bytes(
            tmp.resolve("r.csv"), "PAR1".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 0, 1});
    assertEquals(
        parquet
            + ": a Parquet file, not delimited text: name it *.parquet so ingest"
            + " reads it as Parquet",
        failure(parquet));
  }

  @Test
  void zipIsKnownByItsBytesWhateverItsName(@TempDir Path tmp) throws IOException {
    Path src = tmp.resolve("src");
    Fixtures.latin1(src.resolve("ratings.dat"), "1::122::4.5::838985046\n");
    Path zip = Fixtures.zip(src, "ml-10M100K", tmp.resolve("download"));
    assertEquals(4.5f, DatasetReader.read(zip).ratings().rating(0));
    assertEquals(
        zip
            + ": a zip archive, not delimited text: pass the .zip of a MovieLens release"
            + " as the source, or unzip it and pass the ratings file",
        assertThrows(
                DataFormatException.class, () -> DatasetReader.read(zip, DelimitedOptions.csv()))
            .getMessage());
  }

  @Test
  void controlCharactersInDataAreEscapedInMessages(@TempDir Path tmp) throws IOException {
    Path esc =
        Fixtures.utf8(
            tmp.resolve("esc.csv"),
            "user_id,item_id,rating\nu1,i1,\u001b[2J\u001b[31m5\nu2,i2,3\n");
    String message = failure(esc);
    assertEquals(
        esc
            + " line 2, column 3 (rating): expected a numeric rating, found"
            + " '\\u001b[2J\\u001b[31m5'",
        message);
    assertFalse(message.chars().anyMatch(c -> c < 0x20), message);
    Path nul = Fixtures.utf8(tmp.resolve("nul.tsv"), "u\ti\t1\n".repeat(3000) + "u\ti\t4\0\n");
    assertEquals(
        nul + " line 3001, column 3 (rating): expected a numeric rating, found '4\\0'",
        failure(nul));
    Path header = Fixtures.utf8(tmp.resolve("h.csv"), "who\u0007,item,rating\nu,i,1\n");
    assertEquals(
        header
            + " line 1: found no user_id column among who\\u0007, item, rating;"
            + " name it with --set ingest.user_col=NAME",
        failure(header));
  }
}
