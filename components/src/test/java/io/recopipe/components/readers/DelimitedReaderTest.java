package io.recopipe.components.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelimitedReaderTest {

  @Test
  void mapsBigQueryDefaultColumnNamesInAnyOrder(@TempDir Path tmp) throws IOException {
    Path file =
        Fixtures.utf8(
            tmp.resolve("export.csv"),
            "rating,item,extra,user\n4.5,movie-a,x,alice\n3,movie-b,y,bob\n");
    Dataset dataset = DatasetReader.read(file, DelimitedOptions.csv());
    assertEquals(DatasetFormat.DELIMITED, dataset.report().format());
    assertEquals("alice movie-a 4.5 0\nbob movie-b 3.0 0\n", Fixtures.rows(dataset));
  }

  @Test
  void mapsCustomColumnNamesCaseInsensitivelyWithIsoTimestamps(@TempDir Path tmp)
      throws IOException {
    Path file =
        Fixtures.utf8(
            tmp.resolve("events.tsv"),
            "UID\tIID\tScore\tWhen\n"
                + "u1\ti1\t2\t2024-05-01T12:00:00Z\n"
                + "u1\ti1\t5\t2024-05-02\n"
                + "u2\ti1\t1\t1714564800\n");
    DelimitedOptions options =
        DelimitedOptions.tsv()
            .withUserColumn("uid")
            .withItemColumn("iid")
            .withRatingColumn("score")
            .withTimestampColumn("when");
    Dataset dataset = DatasetReader.read(file, options);
    assertEquals("u1 i1 5.0 1714608000\nu2 i1 1.0 1714564800\n", Fixtures.rows(dataset));
    assertEquals(1, dataset.report().duplicatesResolved());
  }

  @Test
  void usesPositionsWithoutHeader(@TempDir Path tmp) throws IOException {
    Path file = Fixtures.utf8(tmp.resolve("plain.txt"), "9;x;1.5;100\n8;y;2.5;200\n");
    DelimitedOptions options =
        DelimitedOptions.delimitedBy(';')
            .withHeader(false)
            .withUserColumn(ColumnRef.at(1))
            .withItemColumn(ColumnRef.at(0))
            .withRatingColumn("2")
            .withTimestampColumn("3");
    assertEquals("x 9 1.5 100\ny 8 2.5 200\n", Fixtures.rows(DatasetReader.read(file, options)));
  }

  @Test
  void defaultNamesMeanFirstThreePositionsWithoutHeader(@TempDir Path tmp) throws IOException {
    Path file = Fixtures.utf8(tmp.resolve("plain.tsv"), "1\t2\t3\t4\n5\t6\t7\t8\n");
    Dataset dataset = DatasetReader.read(file, DelimitedOptions.tsv().withHeader(false));
    assertEquals("1 2 3.0 0\n5 6 7.0 0\n", Fixtures.rows(dataset));
    assertEquals(2, dataset.report().linesRead());
  }

  @Test
  void parsesQuotedFieldsWithDelimitersAndQuotes(@TempDir Path tmp) throws IOException {
    Path file =
        Fixtures.utf8(
            tmp.resolve("q.csv"),
            "user,item,rating\n\"Doe, Jane\",\"The \"\"Best\"\" Film, Part 2\",4\n");
    Dataset dataset = DatasetReader.read(file, DelimitedOptions.csv());
    assertEquals("Doe, Jane The \"Best\" Film, Part 2 4.0 0\n", Fixtures.rows(dataset));
  }

  @Test
  void enforcesDeclaredScaleAndReadsCharset(@TempDir Path tmp) throws IOException {
    Path file =
        Fixtures.write(
            tmp.resolve("l1.csv"), "user,item,rating\nJosé,Café,10\n", StandardCharsets.ISO_8859_1);
    DelimitedOptions latin1 = DelimitedOptions.csv().withCharset(StandardCharsets.ISO_8859_1);
    assertEquals("José Café 10.0 0\n", Fixtures.rows(DatasetReader.read(file, latin1)));
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () -> DatasetReader.read(file, latin1.withScale(new RatingScale(1, 5))));
    assertEquals(
        file + " line 2, column 3 (rating): expected a rating in 1..5, found '10'", e.getMessage());
  }

  @Test
  void namesAMissingColumnAndTheHeaderFound(@TempDir Path tmp) throws IOException {
    Path file = Fixtures.utf8(tmp.resolve("h.csv"), "uid,item,rating\n1,2,3\n");
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () -> DatasetReader.read(file, DelimitedOptions.csv().withUserColumn("user")));
    assertEquals(
        file
            + " line 1: expected a column named 'user' (ingest.user_col) in the header,"
            + " found uid, item, rating",
        e.getMessage());
  }

  @Test
  void rejectsEmptyIdAndWrongFieldCount(@TempDir Path tmp) throws IOException {
    Path empty = Fixtures.utf8(tmp.resolve("e.csv"), "user,item,rating\n,2,3\n");
    assertEquals(
        empty + " line 2, column 1 (user): expected a non-empty user id, found an empty" + " field",
        assertThrows(
                DataFormatException.class, () -> DatasetReader.read(empty, DelimitedOptions.csv()))
            .getMessage());
    Path shortLine = Fixtures.utf8(tmp.resolve("s.csv"), "user,item,rating\n1,2,3\n1,2\n");
    assertEquals(
        shortLine + " line 3: expected 3 comma-separated fields (user item rating)," + " found 2",
        assertThrows(
                DataFormatException.class,
                () -> DatasetReader.read(shortLine, DelimitedOptions.csv()))
            .getMessage());
  }

  @Test
  void refusesNamedColumnWithoutHeader(@TempDir Path tmp) throws IOException {
    Path file = Fixtures.utf8(tmp.resolve("n.csv"), "1,2,3\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DatasetReader.read(
                    file, DelimitedOptions.csv().withHeader(false).withUserColumn("uid")));
    assertEquals(
        "user_col names column 'uid' but "
            + file
            + " is read without a header; give a 0-based position",
        e.getMessage());
  }

  @Test
  void sniffsUnknownSingleFileWithHeader(@TempDir Path tmp) throws IOException {
    Path file =
        Fixtures.utf8(
            tmp.resolve("mine.csv"), "user,item,rating,timestamp\na,b,2.5,10\na,b,4,20\n");
    Dataset dataset = DatasetReader.read(file);
    assertEquals(DatasetFormat.DELIMITED, dataset.report().format());
    assertEquals("a b 4.0 20\n", Fixtures.rows(dataset));
  }
}
