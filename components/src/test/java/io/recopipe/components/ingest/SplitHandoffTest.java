package io.recopipe.components.ingest;

import static io.recopipe.components.ingest.IngestFixtures.ingest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.dataset.IngestedDataset;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.data.RatingsBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The splits ingest hands to later steps are exactly what reading the files back gives. */
class SplitHandoffTest {
  @TempDir Path tmp;

  @Test
  void theOfferedSplitsAreTheParseOfTheFilesEvenAfterTheDirectoryMoves() throws Exception {
    Path data =
        IngestFixtures.write(
            tmp.resolve("ratings.csv"),
            "who,what,stars,when\n"
                + "b,z,3.5,5\nb,y,-0,6\na,z,4,7\na,x,0.1,8\nc,y,5,9\nc,x,2.25,10\nc,w,1e-3,11\n");
    Path dir =
        ingest(
                tmp.resolve("run"),
                Map.of(
                    "source", data.toString(),
                    "eval_fraction", "0.4",
                    "user_col", "who",
                    "item_col", "what",
                    "rating_col", "stars",
                    "timestamp_col", "when"))
            .output(IngestComponent.DATASET);
    Path moved = Files.move(dir, tmp.resolve("moved"));
    IngestedDataset offered = IngestedDataset.open(moved);
    Ratings train = offered.split(DatasetLayout.TRAIN).orElseThrow();
    Ratings eval = offered.split(DatasetLayout.EVAL).orElseThrow();
    assertEquals(7, train.size() + eval.size());

    for (String file : new String[] {DatasetLayout.TRAIN, DatasetLayout.EVAL}) {
      // another modification time: the cache no longer knows the file, so it is parsed
      Path path = moved.resolve(file);
      Files.setLastModifiedTime(path, FileTime.fromMillis(1_000));
      Ratings parsed = IngestedDataset.open(moved).split(file).orElseThrow();
      Ratings handed = file.equals(DatasetLayout.TRAIN) ? train : eval;
      assertNotSame(handed, parsed);
      assertSameRatings(parsed, handed);
    }
  }

  @Test
  void eachSplitNumbersIdsInOrderOfFirstAppearanceAndWritesMinusZeroAsZero() {
    Ratings sorted =
        new RatingsBuilder()
            .add("u1", "i2", -0f, 1)
            .add("u1", "i1", 4f, 2)
            .add("u2", "i1", 3f, 3)
            .add("u2", "i2", 2f, 4)
            .buildWithoutDuplicateCheck();
    boolean[] isEval = {true, false, false, false};
    Ratings train = SplitHandoff.split(sorted, isEval, false);
    assertEquals(java.util.List.of("u1", "u2"), train.users().ids());
    assertEquals(java.util.List.of("i1", "i2"), train.items().ids());
    Ratings eval = SplitHandoff.split(sorted, isEval, true);
    assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(eval.rating(0)));
  }

  @Test
  void theChecksumsWrittenAreThoseOfTheFiles() throws Exception {
    Ratings sorted =
        new RatingsBuilder()
            .add("u1", "i2", 1f, 1)
            .add("u1", "i1", 4.5f, 2)
            .add("u2", "i1", 3f, 3)
            .buildWithoutDuplicateCheck();
    Path dir = Files.createDirectories(tmp.resolve("written"));
    Map<String, Long> checksums =
        DatasetFiles.writeRatings(dir, sorted, new boolean[] {false, true, false});
    for (String file : new String[] {DatasetLayout.TRAIN, DatasetLayout.EVAL}) {
      CRC32C crc = new CRC32C();
      crc.update(Files.readAllBytes(dir.resolve(file)));
      assertEquals(crc.getValue(), checksums.get(file), file);
    }
  }

  @Test
  void aSplitChangedInPlaceAfterIngestIsParsedNotHandedOver() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int n = 0; n < 20; n++) {
      lines.append(n % 4).append('\t').append(n).append('\t').append(n % 5 + 1);
      lines.append('\t').append(100 + n).append('\n');
    }
    Path data = IngestFixtures.write(tmp.resolve("ratings.tsv"), lines.toString());
    Path dir =
        ingest(tmp.resolve("run"), Map.of("source", data.toString()))
            .output(IngestComponent.DATASET);
    Path train = dir.resolve(DatasetLayout.TRAIN);
    FileTime modified = Files.getLastModifiedTime(train);
    String[] first = Files.readString(train).split("\n", 2)[0].split("\t");
    int changed = Integer.parseInt(first[2]) % 5 + 1;
    String text = Files.readString(train);
    String line = String.join("\t", first);
    first[2] = Integer.toString(changed);
    Files.writeString(train, text.replaceFirst(line, String.join("\t", first))); // same size
    Files.setLastModifiedTime(train, modified);
    Ratings read = IngestedDataset.open(dir).split(DatasetLayout.TRAIN).orElseThrow();
    assertEquals(changed, read.rating(0), "the file's new content, not the ratings ingest held");
  }

  private static void assertSameRatings(Ratings expected, Ratings actual) {
    assertEquals(expected.users().ids(), actual.users().ids());
    assertEquals(expected.items().ids(), actual.items().ids());
    assertEquals(expected.size(), actual.size());
    int[] users = new int[expected.size()];
    int[] usersActual = new int[expected.size()];
    for (int n = 0; n < expected.size(); n++) {
      users[n] = expected.user(n);
      usersActual[n] = actual.user(n);
      assertEquals(expected.item(n), actual.item(n));
      assertEquals(
          Float.floatToRawIntBits(expected.rating(n)), Float.floatToRawIntBits(actual.rating(n)));
      assertEquals(expected.timestamp(n), actual.timestamp(n));
    }
    assertArrayEquals(users, usersActual);
    assertEquals(expected.fingerprint(), actual.fingerprint());
  }
}
