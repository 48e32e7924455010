package io.recopipe.components.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.recopipe.model.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input fails with one line naming the file, the line and expected vs found. */
class BadInputTest {

  private static String failure(Path path) {
    return assertThrows(DataFormatException.class, () -> DatasetReader.read(path)).getMessage();
  }

  private static Path uData(Path dir, String content) throws IOException {
    return Fixtures.latin1(dir.resolve("u.data"), content);
  }

  @Test
  void wrongFieldCount(@TempDir Path tmp) throws IOException {
    Path file = uData(tmp, "1\t2\t3\t4\n1\t2\t3\n");
    assertEquals(
        file
            + " line 2: expected 4 tab-separated fields (user item rating timestamp),"
            + " found 3",
        failure(tmp));
  }

  @Test
  void wrongDelimiterIsNamed(@TempDir Path tmp) throws IOException {
    Path file = uData(tmp, "1,2,3,4\n");
    assertEquals(
        file
            + " line 1: expected tab-separated fields (user item rating timestamp),"
            + " found ','",
        failure(tmp));
    Path dat =
        Fixtures.latin1(tmp.resolve("dat").resolve("ratings.dat"), "1::2::3::4\n1\t2\t3\t4\n");
    assertEquals(
        dat
            + " line 2: expected '::'-separated fields (UserID MovieID Rating Timestamp),"
            + " found tabs",
        failure(dat.getParent()));
  }

  @Test
  void nonNumericIds(@TempDir Path tmp) throws IOException {
    Path file = uData(tmp, "1\t2\t3\t4\nabc\t2\t3\t4\n");
    assertEquals(
        file + " line 2, column 1 (user): expected an integer user id, found 'abc'", failure(tmp));
    Path dat = Fixtures.latin1(tmp.resolve("dat").resolve("ratings.dat"), "1::m2::3::4\n");
    assertEquals(
        dat + " line 1, column 2 (MovieID): expected an integer item id, found 'm2'",
        failure(dat.getParent()));
  }

  @Test
  void nonNumericAndNanRatings(@TempDir Path tmp) throws IOException {
    Path file = uData(tmp, "1\t2\tgood\t4\n");
    assertEquals(
        file + " line 1, column 3 (rating): expected a numeric rating, found 'good'", failure(tmp));
    uData(tmp, "1\t2\t4\t4\n1\t3\tNaN\t4\n");
    assertEquals(
        file + " line 2, column 3 (rating): expected a numeric rating, found 'NaN'", failure(tmp));
  }

  @Test
  void ratingOutsideScale(@TempDir Path tmp) throws IOException {
    Path file = uData(tmp, "1\t2\t6\t4\n");
    assertEquals(
        file + " line 1, column 3 (rating): expected a rating in 1..5, found '6'", failure(tmp));
    Path csv =
        Fixtures.utf8(
            tmp.resolve("csv").resolve("ratings.csv"),
            "userId,movieId,rating,timestamp\n1,2,0.25,3\n");
    assertEquals(
        csv + " line 2, column 3 (rating): expected a rating in 0.5..5, found '0.25'",
        failure(csv.getParent()));
  }

  @Test
  void nonNumericTimestamp(@TempDir Path tmp) throws IOException {
    Path file = uData(tmp, "1\t2\t3\tyesterday\n");
    assertEquals(
        file
            + " line 1, column 4 (timestamp): expected a timestamp in integer epoch"
            + " seconds, found 'yesterday'",
        failure(tmp));
  }

  @Test
  void emptyFiles(@TempDir Path tmp) throws IOException {
    Path file = uData(tmp, "");
    assertEquals(
        file
            + " line 1: expected 4 tab-separated fields (user item rating timestamp),"
            + " found an empty file",
        failure(tmp));
    Path csv = Fixtures.utf8(tmp.resolve("csv").resolve("ratings.csv"), "");
    assertEquals(
        csv
            + " line 1: expected the header userId,movieId,rating,timestamp,"
            + " found an empty file",
        failure(csv.getParent()));
    Fixtures.utf8(csv, "userId,movieId,rating,timestamp\n");
    assertEquals(
        csv
            + " line 2: expected 4 comma-separated fields (userId movieId rating"
            + " timestamp), found no rating lines",
        failure(csv.getParent()));
  }

  @Test
  void otherCsvHeaderIsReadByColumnNamesOrNamesWhatIsMissing(@TempDir Path tmp) throws IOException {
    Path csv = Fixtures.utf8(tmp.resolve("ratings.csv"), "book_id,user_id,rating\n1,2,3\n");
    Dataset goodbooks = DatasetReader.read(tmp);
    assertEquals(DatasetFormat.DELIMITED, goodbooks.report().format());
    assertEquals("2 1 3.0 0\n", Fixtures.rows(goodbooks));
    Fixtures.utf8(csv, "a,b,c,d\n1,2,3,4\n");
    assertEquals(
        csv
            + " line 1: found no user_id column among a, b, c, d; name it with --set"
            + " ingest.user_col=NAME",
        failure(tmp));
  }

  @Test
  void missingPathsAndUnknownDirectories(@TempDir Path tmp) throws IOException {
    Path missing = tmp.resolve("nope");
    assertEquals(
        missing
            + ": expected a data set directory, a .zip or a ratings file, found"
            + " nothing at that path",
        failure(missing));
    Files.writeString(tmp.resolve("notes.txt"), "hello");
    assertEquals(
        tmp + ": expected u.data, ratings.dat or ratings.csv, found notes.txt", failure(tmp));
    Path notZip = Fixtures.utf8(tmp.resolve("fake.zip"), "not a zip");
    assertEquals(
        notZip.toString(),
        assertThrows(DataFormatException.class, () -> DatasetReader.read(notZip)).source());
  }

  @Test
  void zipEntryIsNamed(@TempDir Path tmp) throws IOException {
    Path src = tmp.resolve("src");
    Fixtures.latin1(src.resolve("ratings.dat"), "1::2::3::4\n1::2::3\n");
    Path zip = Fixtures.zip(src, "ml-1m", tmp.resolve("ml-1m.zip"));
    DataFormatException e = assertThrows(DataFormatException.class, () -> DatasetReader.read(zip));
    assertEquals(
        zip
            + "!/ml-1m/ratings.dat line 2: expected 4 '::'-separated fields (UserID"
            + " MovieID Rating Timestamp), found 3",
        e.getMessage());
    assertEquals(2, e.line());
    assertEquals(zip + "!/ml-1m/ratings.dat", e.source());
  }

  @Test
  void badCatalogLines(@TempDir Path tmp) throws IOException {
    uData(tmp, "1\t2\t3\t4\n");
    String flags = "|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0";
    Path item =
        Fixtures.latin1(
            tmp.resolve("u.item"),
            "2|Film (1990)|||url|0" + flags + "\n" + "3|Film (1991)|||url|x" + flags + "\n");
    assertEquals(
        item + " line 2: expected genre flag 0 or 1 for unknown (field 6), found 'x'",
        failure(tmp));
    Fixtures.latin1(item, "2|Film (1990)|||url" + flags + "\n");
    assertEquals(
        item
            + " line 1: expected 24 '|'-separated fields (movie id|title|release date|"
            + "video release date|IMDb URL|19 genre flags), found 23",
        failure(tmp));
    Files.delete(item);
    Path users = Fixtures.latin1(tmp.resolve("u.user"), "1|24|M|x|1\n1|25|F|y|2\n");
    assertEquals(users + " line 2: expected each id once, found '1' again", failure(tmp));
  }

  @Test
  void unclosedQuoteInMoviesCsv(@TempDir Path tmp) throws IOException {
    Fixtures.utf8(tmp.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,2,3,4\n");
    Path movies =
        Fixtures.utf8(tmp.resolve("movies.csv"), "movieId,title,genres\n2,\"Open (1990),Drama\n");
    assertEquals(
        movies
            + " line 2: expected a closing quote for the field opened on this line,"
            + " found end of file",
        failure(tmp));
  }

  @Test
  void exceptionIsAnIllegalArgumentForTheCli() {
    DataFormatException e = new DataFormatException("f", 3, "expected x, found y");
    assertEquals("f line 3: expected x, found y", e.getMessage());
    assertEquals("expected x, found y", e.detail());
    assertEquals(InvalidInputException.class, e.getClass().getSuperclass());
  }
}
