package io.recopipe.components.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLensDatReaderTest {

  static Path writeOneMillion(Path dir) throws IOException {
    Fixtures.latin1(
        dir.resolve("ratings.dat"),
        "1::1193::5::978300760\n1::661::3::978302109\n"
            + "2::1193::4::978298413\n1::1193::2::978300000\n");
    Fixtures.latin1(
        dir.resolve("movies.dat"),
        "1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n"
            + "661::James and the Giant Peach (1996)::Animation|Children's|Musical\n"
            + "582::Metisse (Café au Lait) (1993)::Comedy\n");
    Fixtures.latin1(dir.resolve("users.dat"), "1::F::1::10::48067\n2::M::56::16::70072\n");
    return dir;
  }

  @Test
  void readsOneMillionDirectory(@TempDir Path tmp) throws IOException {
    Path dir = writeOneMillion(tmp);
    assertOneMillion(DatasetReader.read(dir), dir.toString());
  }

  @Test
  void readsOneMillionZip(@TempDir Path tmp) throws IOException {
    Path zip = Fixtures.zip(writeOneMillion(tmp.resolve("src")), "ml-1m", tmp.resolve("ml-1m.zip"));
    assertOneMillion(DatasetReader.read(zip), zip.toString());
  }

  private static void assertOneMillion(Dataset dataset, String source) {
    assertEquals(DatasetFormat.MOVIELENS_DAT, dataset.report().format());
    assertEquals(source, dataset.report().source());
    assertEquals(3, dataset.ratings().size());
    assertEquals(1, dataset.report().duplicatesResolved());
    assertEquals(2, dataset.report().users());
    assertEquals(2, dataset.report().items());
    assertEquals(
        "1 1193 5.0 978300760\n1 661 3.0 978302109\n2 1193 4.0 978298413\n",
        Fixtures.rows(dataset));
    Catalog<Movie> movies = dataset.movies().orElseThrow();
    assertEquals("Metisse (Café au Lait) (1993)", movies.get("582").orElseThrow().title());
    assertEquals(
        List.of("Animation", "Children's", "Musical"), movies.get("661").orElseThrow().genres());
    Catalog<User> users = dataset.users().orElseThrow();
    assertEquals(new User("1", 1, "F", "K-12 student", "48067"), users.get("1").orElseThrow());
    assertEquals("self-employed", users.get("2").orElseThrow().occupation());
  }

  @Test
  void tenMillionLayoutWithoutUsersFileAllowsHalfStars(@TempDir Path tmp) throws IOException {
    Fixtures.latin1(tmp.resolve("ratings.dat"), "1::122::4.5::838985046\n1::185::0.5::838983525\n");
    Fixtures.latin1(
        tmp.resolve("movies.dat"),
        "122::Boomerang (1992)::Comedy|Romance\n"
            + "185::Net, The (1995)::Action|Crime|Thriller\n");
    Dataset dataset = DatasetReader.read(tmp);
    assertEquals(2, dataset.ratings().size());
    assertEquals(4.5f, dataset.ratings().rating(0));
    assertEquals(0.5f, dataset.ratings().rating(1));
    assertTrue(dataset.users().isEmpty());
  }

  @Test
  void oneMillionRejectsHalfStarsBelowOne(@TempDir Path tmp) throws IOException {
    writeOneMillion(tmp);
    Fixtures.latin1(tmp.resolve("ratings.dat"), "1::1193::5::978300760\n1::661::0.5::978302109\n");
    DataFormatException e = assertThrows(DataFormatException.class, () -> DatasetReader.read(tmp));
    assertEquals(
        tmp.resolve("ratings.dat")
            + " line 2, column 3 (Rating): expected a rating in"
            + " 1..5, found '0.5'",
        e.getMessage());
  }

  @Test
  void readsASingleRatingsDatFile(@TempDir Path tmp) throws IOException {
    Path file = writeOneMillion(tmp).resolve("ratings.dat");
    Dataset dataset = DatasetReader.read(file);
    assertEquals(DatasetFormat.MOVIELENS_DAT, dataset.report().format());
    assertEquals(3, dataset.ratings().size());
    assertTrue(dataset.movies().isEmpty());
  }
}
