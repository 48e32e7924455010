package io.recopipe.components.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The max_bad_records policy: strict by default, skips up to N, fails on the N+1th. */
class MaxBadRecordsTest {
  private static final String CSV =
      "user_id,item_id,rating,timestamp\n"
          + "u1,a,4,100\n"
          + "u1,b,four,101\n"
          + "u2,a,3\n"
          + ",c,2,103\n"
          + "u3,c,5,yesterday\n"
          + "u2,b,1,105\n";

  @Test
  void strictByDefaultFailsOnTheFirstBadRowWithItsColumn(@TempDir Path tmp) throws IOException {
    Path file = Fixtures.utf8(tmp.resolve("r.csv"), CSV);
    assertEquals(
        file + " line 3, column 3 (rating): expected a numeric rating, found 'four'",
        assertThrows(DataFormatException.class, () -> DatasetReader.read(file)).getMessage());
  }

  @Test
  void withinTheLimitSkipsAndKeepsEachRowWithItsReason(@TempDir Path tmp) throws IOException {
    Path file = Fixtures.utf8(tmp.resolve("r.csv"), CSV);
    Dataset dataset = DatasetReader.read(file, new BadRowPolicy(4));
    assertEquals("u1 a 4.0 100\nu2 b 1.0 105\n", Fixtures.rows(dataset));
    assertEquals(2, dataset.ratings().users().size());
    assertEquals(2, dataset.ratings().items().size());
    String name = file.toString();
    assertEquals(
        List.of(
            new RejectedRow(
                name, 3, "3 (rating)", "expected a numeric rating, found 'four'", "u1,b,four,101"),
            new RejectedRow(
                name,
                4,
                null,
                "expected 4 comma-separated fields (user_id item_id rating"
                    + " timestamp), found 3",
                "u2,a,3"),
            new RejectedRow(
                name,
                5,
                "1 (user_id)",
                "expected a non-empty user id, found an empty" + " field",
                ",c,2,103"),
            new RejectedRow(
                name,
                6,
                "4 (timestamp)",
                "expected a timestamp in " + TimestampParser.FORMS + ", found 'yesterday'",
                "u3,c,5,yesterday")),
        dataset.notes().rejected());
  }

  @Test
  void overTheLimitFailsNamingTheRowThatPassedIt(@TempDir Path tmp) throws IOException {
    Path file = Fixtures.utf8(tmp.resolve("r.csv"), CSV);
    assertEquals(
        file
            + " line 5, column 1 (user_id): expected a non-empty user id, found an"
            + " empty field (bad row 3; ingest.max_bad_records is 2)",
        assertThrows(DataFormatException.class, () -> DatasetReader.read(file, new BadRowPolicy(2)))
            .getMessage());
  }

  @Test
  void appliesToMovieLensFilesAndExplicitOptions(@TempDir Path tmp) throws IOException {
    Path uData =
        Fixtures.latin1(
            tmp.resolve("ml").resolve("u.data"), "1\t2\t3\t4\n1\t3\t9\t5\n2\t2\t1\t6\n");
    Dataset dataset = DatasetReader.read(uData.getParent(), new BadRowPolicy(1));
    assertEquals(2, dataset.ratings().size());
    assertEquals(
        "expected a rating in 1..5, found '9'", dataset.notes().rejected().get(0).reason());
    Path plain = Fixtures.utf8(tmp.resolve("p.tsv"), "a\tb\t1\na\tc\n");
    Dataset generic =
        DatasetReader.read(plain, DelimitedOptions.tsv().withHeader(false), new BadRowPolicy(1));
    assertEquals("a b 1.0 0\n", Fixtures.rows(generic));
    assertEquals(2, generic.notes().rejected().get(0).line());
  }

  @Test
  void allRowsBadStillFails(@TempDir Path tmp) throws IOException {
    Path file = Fixtures.utf8(tmp.resolve("r.csv"), "user,item,rating\nu,i,x\n");
    assertEquals(
        file
            + " line 3: expected 3 comma-separated fields (user item rating), found only"
            + " bad rows (1 skipped)",
        assertThrows(DataFormatException.class, () -> DatasetReader.read(file, new BadRowPolicy(5)))
            .getMessage());
  }

  @Test
  void negativeLimitIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new BadRowPolicy(-1));
  }
}
