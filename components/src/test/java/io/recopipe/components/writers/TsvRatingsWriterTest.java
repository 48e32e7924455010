package io.recopipe.components.writers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.recopipe.components.readers.DatasetReader;
import io.recopipe.components.readers.DelimitedOptions;
import io.recopipe.components.synthetic.SyntheticGenerator;
import io.recopipe.components.synthetic.SyntheticSpec;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.data.RatingsBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsvRatingsWriterTest {

  @Test
  void writesIntegralRatingsWithoutDecimalsAndHalfStarsAsIs(@TempDir Path tmp) throws IOException {
    Ratings ratings =
        new RatingsBuilder()
            .add("u1", "i9", 4f, 978300760L)
            .add("u2", "i9", 3.5f, 0L)
            .add("u2", "i10", 0.25f, 12L)
            .build();
    Path file = tmp.resolve("out").resolve("r.tsv");
    TsvRatingsWriter.write(ratings, file);
    assertEquals(
        "u1\ti9\t4\t978300760\nu2\ti9\t3.5\t0\nu2\ti10\t0.25\t12\n", Files.readString(file));
  }

  @Test
  void splitWriteOfManyBlocksKeepsRowOrderInEveryFile() throws IOException {
    RatingsBuilder builder = new RatingsBuilder();
    int rows = 200_003; // more than three formatting blocks, the last one partial
    boolean[] isEval = new boolean[rows];
    StringBuilder all = new StringBuilder();
    StringBuilder train = new StringBuilder();
    StringBuilder eval = new StringBuilder();
    for (int n = 0; n < rows; n++) {
      String user = "u" + n / 100;
      String item = Integer.toString(n % 100 * 7);
      float rating = n % 3 == 0 ? 3.5f : n % 5;
      builder.add(user, item, rating, 1_000_000L + n);
      isEval[n] = n % 10 == 3;
      String line =
          user
              + "\t"
              + item
              + "\t"
              + (n % 3 == 0 ? "3.5" : Integer.toString(n % 5))
              + "\t"
              + (1_000_000L + n)
              + "\n";
      all.append(line);
      (isEval[n] ? eval : train).append(line);
    }
    ByteArrayOutputStream allOut = new ByteArrayOutputStream();
    ByteArrayOutputStream trainOut = new ByteArrayOutputStream();
    ByteArrayOutputStream evalOut = new ByteArrayOutputStream();
    TsvRatingsWriter.writeSplit(builder.build(), isEval, allOut, trainOut, evalOut);
    assertEquals(all.toString(), allOut.toString(StandardCharsets.UTF_8));
    assertEquals(train.toString(), trainOut.toString(StandardCharsets.UTF_8));
    assertEquals(eval.toString(), evalOut.toString(StandardCharsets.UTF_8));
  }

  @Test
  void roundTripsGeneratedDataThroughBothReaders(@TempDir Path tmp) throws IOException {
    Ratings generated =
        SyntheticGenerator.generate(SyntheticSpec.custom(60, 50, 2_000), 9).ratings();
    Path file = tmp.resolve("ratings.tsv");
    TsvRatingsWriter.write(generated, file);
    assertEquals(rows(generated), rows(DatasetReader.read(file).ratings()));
    DelimitedOptions generic = DelimitedOptions.tsv().withHeader(false).withTimestampColumn("3");
    assertEquals(rows(generated), rows(DatasetReader.read(file, generic).ratings()));
  }

  @Test
  void writesTheSplitFilesFromTheSameLinesAsTheWholeFile() throws IOException {
    Ratings ratings =
        new RatingsBuilder()
            .add("u1", "i9", 4f, 978300760L)
            .add("u2", "i9", -2.5f, -7L)
            .add("u2", "i10", 12f, 0L)
            .add("u3", "i1", 0f, 9L)
            .add("u3", "i2", 1e20f, Long.MIN_VALUE)
            .add("u4", "i1", -0.0f, Long.MAX_VALUE)
            .build();
    boolean[] isEval = {false, true, false, false, true, true};
    var all = new ByteArrayOutputStream();
    var train = new ByteArrayOutputStream();
    var eval = new ByteArrayOutputStream();
    TsvRatingsWriter.writeSplit(ratings, isEval, all, train, eval);
    String[] lines = all.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(
        List.of(
            "u1\ti9\t4\t978300760",
            "u2\ti9\t-2.5\t-7",
            "u2\ti10\t12\t0",
            "u3\ti1\t0\t9",
            "u3\ti2\t" + Float.toString(1e20f) + "\t" + Long.MIN_VALUE,
            "u4\ti1\t0\t" + Long.MAX_VALUE),
        List.of(lines));
    assertEquals(
        lines[0] + "\n" + lines[2] + "\n" + lines[3] + "\n",
        train.toString(StandardCharsets.UTF_8));
    assertEquals(
        lines[1] + "\n" + lines[4] + "\n" + lines[5] + "\n", eval.toString(StandardCharsets.UTF_8));
  }

  @Test
  void writesTheDigitsOfEveryMagnitude() {
    byte[] line = new byte[32];
    for (long value = 1; value > 0 && value < Long.MAX_VALUE / 3; value = value * 3 + 1) {
      for (long signed : new long[] {value, -value, value - 1}) {
        int end = TsvRatingsWriter.digits(signed, line, 0);
        assertEquals(Long.toString(signed), new String(line, 0, end, StandardCharsets.US_ASCII));
      }
    }
  }

  @Test
  void writesEveryPowerOfTenAndItsNeighbours() {
    byte[] line = new byte[32];
    for (long power = 1; power > 0 && power <= 1_000_000_000_000_000_000L; power *= 10) {
      for (long value : new long[] {power - 1, power, power + 1, -power, 2 * power - 1}) {
        int end = TsvRatingsWriter.digits(value, line, 3);
        assertEquals(Long.toString(value), new String(line, 3, end - 3, StandardCharsets.US_ASCII));
      }
    }
  }

  @Test
  void replacesAtomicallyAndLeavesNoTemporaryFiles(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("r.tsv");
    Files.writeString(file, "old");
    TsvRatingsWriter.write(new RatingsBuilder().add("a", "b", 1f, 1L).build(), file);
    assertEquals("a\tb\t1\t1\n", Files.readString(file));
    Ratings bad = new RatingsBuilder().add("a\tb", "c", 1f, 1L).build();
    assertThrows(IllegalArgumentException.class, () -> TsvRatingsWriter.write(bad, file));
    assertEquals("a\tb\t1\t1\n", Files.readString(file), "a failed write keeps the old file");
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(List.of(file), files.collect(Collectors.toList()));
    }
    assertFalse(Files.exists(tmp.resolve("missing.tsv")));
  }

  @Test
  void keepsTheUsualPermissionsNotOwnerOnly(@TempDir Path tmp) throws IOException {
    Path plain = Files.writeString(tmp.resolve("plain.txt"), "x");
    Path written = tmp.resolve("r.tsv");
    TsvRatingsWriter.write(new RatingsBuilder().add("a", "b", 1f, 1L).build(), written);
    if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
      assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
    }
  }

  private static List<String> rows(Ratings ratings) {
    return java.util.stream.IntStream.range(0, ratings.size())
        .mapToObj(
            n ->
                ratings.users().id(ratings.user(n))
                    + " "
                    + ratings.items().id(ratings.item(n))
                    + " "
                    + ratings.rating(n)
                    + " "
                    + ratings.timestamp(n))
        .collect(Collectors.toList());
  }
}
