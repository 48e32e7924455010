package io.recopipe.components.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every MovieLens release layout reads as a directory, the official zip (with its top folder) and
 * its ratings file alone, with the release's declared scale: 1..5 for 100K and 1M, 0.5..5 for 10M
 * (ratings.dat, no users.dat) and 20M/25M/32M/latest (ratings.csv).
 */
class ReleaseLayoutsTest {
  private static final String CSV_HEADER = "userId,movieId,rating,timestamp\n";

  private static void assertReadsEveryWay(
      Path dir, String top, String ratingsFile, DatasetFormat format, String rows)
      throws IOException {
    Path zip = Fixtures.zip(dir, top, dir.resolveSibling(top + ".zip"));
    for (Path path : List.of(dir, zip, dir.resolve(ratingsFile))) {
      Dataset dataset = DatasetReader.read(path);
      assertEquals(format, dataset.report().format(), path.toString());
      assertEquals(rows, Fixtures.rows(dataset), path.toString());
      assertEquals(true, dataset.notes().timestamps());
    }
  }

  @Test
  void hundredK(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("ml-100k");
    Fixtures.latin1(dir.resolve("u.data"), "196\t242\t3\t881250949\n186\t302\t3\t891717742\n");
    assertReadsEveryWay(
        dir,
        "ml-100k",
        "u.data",
        DatasetFormat.MOVIELENS_100K,
        "196 242 3.0 881250949\n186 302 3.0 891717742\n");
  }

  @Test
  void tenMillionHasHalfStarsAndNoUsersFile(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("ml-10M100K");
    Fixtures.latin1(
        dir.resolve("ratings.dat"),
        "1::122::5::838985046\n1::185::0.5::838983525\n" + "2::231::3.5::838983392\n");
    Fixtures.latin1(dir.resolve("movies.dat"), "122::Boomerang (1992)::Comedy|Romance\n");
    Fixtures.latin1(dir.resolve("tags.dat"), "15::4973::excellent!::1215184630\n");
    assertReadsEveryWay(
        dir,
        "ml-10M100K",
        "ratings.dat",
        DatasetFormat.MOVIELENS_DAT,
        "1 122 5.0 838985046\n1 185 0.5 838983525\n2 231 3.5 838983392\n");
  }

  @Test
  void oneMillionKeepsWholeStars(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("ml-1m");
    Fixtures.latin1(dir.resolve("ratings.dat"), "1::1193::5::978300760\n1::661::0.5::978302109\n");
    Fixtures.latin1(dir.resolve("users.dat"), "1::F::1::10::48067\n");
    for (Path path : List.of(dir, dir.resolve("ratings.dat"))) {
      assertEquals(
          dir.resolve("ratings.dat")
              + " line 2, column 3 (Rating): expected a rating"
              + " in 1..5, found '0.5'",
          assertThrows(DataFormatException.class, () -> DatasetReader.read(path)).getMessage());
    }
  }

  @Test
  void csvReleasesHaveHalfStars(@TempDir Path tmp) throws IOException {
    for (String release : List.of("ml-20m", "ml-25m", "ml-32m", "ml-latest", "ml-latest-small")) {
      Path dir = tmp.resolve(release);
      Fixtures.utf8(
          dir.resolve("ratings.csv"),
          CSV_HEADER + "1,296,5.0,1147880044\n" + "1,306,3.5,1147868817\n2,307,0.5,1147868828\n");
      Fixtures.utf8(
          dir.resolve("movies.csv"),
          "movieId,title,genres\n"
              + "296,\"Pulp Fiction (1994)\",Comedy|Crime|Drama|Thriller\n"
              + "306,\"Three Colors: Red (Trois couleurs: Rouge) (1994)\",Drama\n"
              + "307,\"Three Colors: Blue, The (1993)\",Drama\n");
      Fixtures.utf8(dir.resolve("links.csv"), "movieId,imdbId,tmdbId\n296,0110912,680\n");
      assertReadsEveryWay(
          dir,
          release,
          "ratings.csv",
          DatasetFormat.MOVIELENS_CSV,
          "1 296 5.0 1147880044\n1 306 3.5 1147868817\n2 307 0.5 1147868828\n");
      assertEquals(
          "Three Colors: Blue, The (1993)",
          DatasetReader.read(dir).movies().orElseThrow().get("307").orElseThrow().title());
    }
  }
}
