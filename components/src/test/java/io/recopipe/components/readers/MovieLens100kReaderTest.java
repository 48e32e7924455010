package io.recopipe.components.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLens100kReaderTest {
  static final String U_DATA =
      String.join(
              "\n",
              "1\t10\t5\t881250949",
              "1\t20\t3\t881250950",
              "2\t10\t4\t891717742",
              "3\t30\t1\t878887116",
              "2\t10\t2\t891717700", // duplicate of (2, 10), older: dropped
              "3\t20\t4\t878887117")
          + "\n";

  static Path writeHundredK(Path dir) throws IOException {
    Fixtures.latin1(dir.resolve("u.data"), U_DATA);
    String flags19 = "|0|0|0|0|0|1|0|0|1|0|0|0|0|0|0|0|0|0|0";
    Fixtures.latin1(
        dir.resolve("u.item"),
        String.join(
                "\n",
                "10|Café Society (1995)|01-Jan-1995||http://example.org/10" + flags19,
                "20|Toy, Story (1995)|01-Jan-1995||http://example.org/20"
                    + flags19.replace("|1|", "|0|"),
                "30|unknown||||1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0")
            + "\n");
    Fixtures.latin1(
        dir.resolve("u.user"),
        "1|24|M|technician|85711\n2|53|F|other|94043\n" + "3|23|M|writer|32067\n");
    StringBuilder genres = new StringBuilder();
    for (int g = 0; g < MovieLens100kCatalogs.STANDARD_GENRES.size(); g++) {
      genres
          .append(MovieLens100kCatalogs.STANDARD_GENRES.get(g))
          .append('|')
          .append(g)
          .append('\n');
    }
    Fixtures.latin1(dir.resolve("u.genre"), genres + "\n");
    return dir;
  }

  @Test
  void readsDirectoryWithCatalogsAndResolvesDuplicates(@TempDir Path tmp) throws IOException {
    Path dir = writeHundredK(tmp.resolve("ml-100k"));
    Dataset dataset = DatasetReader.read(dir);
    assertHundredK(dataset, dir.toString());
  }

  @Test
  void readsOfficialZipWithoutExtracting(@TempDir Path tmp) throws IOException {
    Path dir = writeHundredK(tmp.resolve("src"));
    Path zip = Fixtures.zip(dir, "ml-100k", tmp.resolve("ml-100k.zip"));
    Dataset dataset = DatasetReader.read(zip);
    assertHundredK(dataset, zip.toString());
    try (var files = Files.list(tmp)) {
      assertEquals(2, files.count(), "nothing extracted next to the zip");
    }
  }

  private static void assertHundredK(Dataset dataset, String source) {
    ReaderReport report = dataset.report();
    assertEquals(DatasetFormat.MOVIELENS_100K, report.format());
    assertEquals(source, report.source());
    assertEquals(6, report.linesRead());
    assertEquals(5, report.rowsKept());
    assertEquals(1, report.duplicatesResolved());
    assertEquals(3, report.users());
    assertEquals(3, report.items());
    assertEquals(new TreeMap<>(Map.of(1f, 1L, 3f, 1L, 4f, 2L, 5f, 1L)), report.ratingHistogram());
    assertEquals(
        "1 10 5.0 881250949\n1 20 3.0 881250950\n2 10 4.0 891717742\n"
            + "3 30 1.0 878887116\n3 20 4.0 878887117\n",
        Fixtures.rows(dataset));

    Catalog<Movie> movies = dataset.movies().orElseThrow();
    assertEquals(3, movies.size());
    Movie cafe = movies.get("10").orElseThrow();
    assertEquals("Café Society (1995)", cafe.title());
    assertEquals(List.of("Comedy", "Drama"), cafe.genres());
    assertEquals("01-Jan-1995", cafe.releaseDate());
    assertEquals("http://example.org/10", cafe.imdbUrl());
    assertEquals(1995, cafe.year().getAsInt());
    assertEquals("Toy, Story (1995)", movies.get("20").orElseThrow().title());
    assertEquals(List.of("unknown"), movies.get("30").orElseThrow().genres());
    assertFalse(movies.get("30").orElseThrow().year().isPresent());

    User second = dataset.users().orElseThrow().get("2").orElseThrow();
    assertEquals(new User("2", 53, "F", "other", "94043"), second);
  }

  @Test
  void usesStandardGenreNamesWithoutUGenreAndCustomNamesWithIt(@TempDir Path tmp)
      throws IOException {
    Path dir = writeHundredK(tmp);
    Files.delete(dir.resolve("u.genre"));
    assertEquals(
        List.of("Comedy", "Drama"),
        DatasetReader.read(dir).movies().orElseThrow().get("10").orElseThrow().genres());

    StringBuilder renamed = new StringBuilder();
    for (int g = 0; g < 19; g++) {
      renamed.append("G").append(g).append('|').append(g).append('\n');
    }
    Fixtures.latin1(dir.resolve("u.genre"), renamed.toString());
    assertEquals(
        List.of("G5", "G8"),
        DatasetReader.read(dir).movies().orElseThrow().get("10").orElseThrow().genres());
  }

  @Test
  void readsWithoutOptionalCatalogs(@TempDir Path tmp) throws IOException {
    Fixtures.latin1(tmp.resolve("u.data"), U_DATA);
    Dataset dataset = DatasetReader.read(tmp);
    assertTrue(dataset.movies().isEmpty());
    assertTrue(dataset.users().isEmpty());
    assertEquals(5, dataset.ratings().size());
  }

  @Test
  void readsSplitFilesOnTheirOwn(@TempDir Path tmp) throws IOException {
    Path base = Fixtures.latin1(tmp.resolve("u1.base"), U_DATA);
    Dataset dataset = DatasetReader.read(base);
    assertEquals(DatasetFormat.MOVIELENS_100K, dataset.report().format());
    assertEquals(base.toString(), dataset.report().source());
    assertEquals(5, dataset.ratings().size());
    assertTrue(dataset.movies().isEmpty());
  }

  @Test
  void toleratesCrLfLineEndingsAndBlankLines(@TempDir Path tmp) throws IOException {
    Fixtures.latin1(tmp.resolve("u.data"), "1\t10\t5\t1\r\n\r\n2\t10\t4\t2\r\n");
    Dataset dataset = DatasetReader.read(tmp);
    assertEquals(2, dataset.ratings().size());
    assertEquals(3, dataset.report().linesRead());
  }
}
