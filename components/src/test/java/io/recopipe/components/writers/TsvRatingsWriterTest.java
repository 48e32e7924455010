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
import java.io.IOException;
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
    Ratings ratings = new RatingsBuilder().add("u1", "i9", 4f, 978300760L)
        .add("u2", "i9", 3.5f, 0L).add("u2", "i10", 0.25f, 12L).build();
    Path file = tmp.resolve("out").resolve("r.tsv");
    TsvRatingsWriter.write(ratings, file);
    assertEquals("u1\ti9\t4\t978300760\nu2\ti9\t3.5\t0\nu2\ti10\t0.25\t12\n",
        Files.readString(file));
  }

  @Test
  void roundTripsGeneratedDataThroughBothReaders(@TempDir Path tmp) throws IOException {
    Ratings generated = SyntheticGenerator.generate(SyntheticSpec.custom(60, 50, 2_000), 9)
        .ratings();
    Path file = tmp.resolve("ratings.tsv");
    TsvRatingsWriter.write(generated, file);
    assertEquals(rows(generated), rows(DatasetReader.read(file).ratings()));
    DelimitedOptions generic = DelimitedOptions.tsv().withHeader(false).withTimestampColumn("3");
    assertEquals(rows(generated), rows(DatasetReader.read(file, generic).ratings()));
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
        .mapToObj(n -> ratings.users().id(ratings.user(n)) + " " + ratings.items().id(ratings.item(n))
            + " " + ratings.rating(n) + " " + ratings.timestamp(n))
        .collect(Collectors.toList());
  }
}
