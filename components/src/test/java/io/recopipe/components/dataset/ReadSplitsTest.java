package io.recopipe.components.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.data.RatingRange;
import io.recopipe.model.data.Ratings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Steps of one process share a split's parse only while the file is unchanged. */
class ReadSplitsTest {
  private static final SplitFileReader.Expected EXPECTED =
      new SplitFileReader.Expected(IdKind.INTEGER, IdKind.INTEGER, new RatingRange(1f, 5f), 3);
  private static final String LINES = "1\t2\t3\t10\n1\t3\t4\t11\n2\t2\t5\t12\n";

  @TempDir Path dir;

  @Test
  void anUnchangedFileIsParsedOnceForTheSameExpectations() throws Exception {
    Path file = Files.writeString(dir.resolve("train.tsv"), LINES);
    Ratings first = ReadSplits.read(file, EXPECTED);
    assertSame(first, ReadSplits.read(dir.resolve(".").resolve("train.tsv"), EXPECTED));
    SplitFileReader.Expected unchecked = new SplitFileReader.Expected(null, null, null, -1);
    Ratings other = ReadSplits.read(file, unchecked);
    assertNotSame(first, other, "other expectations are checked by a read of their own");
    assertEquals(3, other.size());
  }

  @Test
  void aFileChangedInPlaceIsReadAgainEvenWithItsSizeAndTimeRestored() throws Exception {
    Path file = Files.writeString(dir.resolve("train.tsv"), LINES);
    Ratings first = ReadSplits.read(file, EXPECTED);
    FileTime modified = Files.getLastModifiedTime(file);
    Files.write(file, "1\t2\t3\t10\n1\t3\t4\t11\n2\t2\t9\t12\n".getBytes(StandardCharsets.UTF_8));
    Files.setLastModifiedTime(file, modified);
    String message =
        assertThrows(CorruptDatasetException.class, () -> ReadSplits.read(file, EXPECTED))
            .getMessage();
    assertTrue(
        message.contains("line 3, column 3 (rating): rating 9 is outside the range"), message);

    Files.write(file, "1\t2\t3\t10\n1\t3\t4\t11\n2\t2\t4\t12\n".getBytes(StandardCharsets.UTF_8));
    Ratings fixed = ReadSplits.read(file, EXPECTED);
    assertNotSame(first, fixed);
    assertEquals(4f, fixed.rating(2));
  }
}
