package io.recopipe.components.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLensCsvReaderTest {

  static Path writeLatest(Path dir) throws IOException {
    Fixtures.utf8(
        dir.resolve("ratings.csv"),
        "userId,movieId,rating,timestamp\n"
            + "1,1,4.0,964982703\n1,3,4.5,964981247\n2,1,0.5,964982224\n2,1,3.5,964982225\n");
    Fixtures.utf8(
        dir.resolve("movies.csv"),
        "movieId,title,genres\n"
            + "1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy\n"
            + "3,\"American President, The (1995)\",Comedy|Drama|Romance\n"
            + "4,\"Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb, \"\"The\"\" (1964)\","
            + "Comedy|War\n"
            + "5,\"Amélie (Fabuleux destin d'Amélie Poulain, Le) (2001)\",Comedy|Romance\n"
            + "6,Empty Genres (2020),(no genres listed)\n");
    return dir;
  }

  @Test
  void readsDirectory(@TempDir Path tmp) throws IOException {
    Path dir = writeLatest(tmp);
    assertLatest(DatasetReader.read(dir), dir.toString());
  }

  @Test
  void readsZip(@TempDir Path tmp) throws IOException {
    Path zip =
        Fixtures.zip(
            writeLatest(tmp.resolve("src")), "ml-latest-small", tmp.resolve("ml-latest-small.zip"));
    assertLatest(DatasetReader.read(zip), zip.toString());
  }

  private static void assertLatest(Dataset dataset, String source) {
    ReaderReport report = dataset.report();
    assertEquals(DatasetFormat.MOVIELENS_CSV, report.format());
    assertEquals(source, report.source());
    assertEquals(5, report.linesRead());
    assertEquals(3, report.rowsKept());
    assertEquals(1, report.duplicatesResolved());
    assertEquals(new TreeMap<>(Map.of(3.5f, 1L, 4f, 1L, 4.5f, 1L)), report.ratingHistogram());
    assertEquals(
        "1 1 4.0 964982703\n1 3 4.5 964981247\n2 1 3.5 964982225\n", Fixtures.rows(dataset));
    assertTrue(dataset.users().isEmpty());
    Catalog<Movie> movies = dataset.movies().orElseThrow();
    assertEquals(5, movies.size());
    assertEquals("American President, The (1995)", movies.get("3").orElseThrow().title());
    assertEquals(
        "Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb, \"The\" (1964)",
        movies.get("4").orElseThrow().title());
    assertEquals(List.of("Comedy", "War"), movies.get("4").orElseThrow().genres());
    assertEquals(
        "Amélie (Fabuleux destin d'Amélie Poulain, Le) (2001)",
        movies.get("5").orElseThrow().title());
    assertEquals(2001, movies.get("5").orElseThrow().year().getAsInt());
    assertEquals(List.of(), movies.get("6").orElseThrow().genres());
  }

  @Test
  void readsASingleRatingsCsvByItsHeader(@TempDir Path tmp) throws IOException {
    Path file = writeLatest(tmp).resolve("ratings.csv");
    Dataset dataset = DatasetReader.read(file);
    assertEquals(DatasetFormat.MOVIELENS_CSV, dataset.report().format());
    assertEquals(3, dataset.ratings().size());
  }

  @Test
  void skipsUtf8ByteOrderMark(@TempDir Path tmp) throws IOException {
    Fixtures.utf8(tmp.resolve("ratings.csv"), "\uFEFFuserId,movieId,rating,timestamp\n1,1,4.0,1\n");
    assertEquals(1, DatasetReader.read(tmp).ratings().size());
  }
}
