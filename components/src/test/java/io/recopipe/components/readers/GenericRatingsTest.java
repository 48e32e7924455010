package io.recopipe.components.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generic files take any finite numeric rating, with or without a header. */
class GenericRatingsTest {
  @Test
  void anyFiniteRatingWithAHeader(@TempDir Path tmp) throws IOException {
    Path file =
        Fixtures.utf8(
            tmp.resolve("r.csv"),
            "user_id,item_id,rating\n"
                + "u,half,0.5\nu,ten,10\nu,hundred,100\nu,weight,0.0125\nu,count,1234567\n"
                + "u,negative,-2\nu,exp,1e2\n");
    assertEquals(
        "u half 0.5 0\nu ten 10.0 0\nu hundred 100.0 0\nu weight 0.0125 0\n"
            + "u count 1234567.0 0\nu negative -2.0 0\nu exp 100.0 0\n",
        Fixtures.rows(DatasetReader.read(file)));
  }

  @Test
  void headerlessTabFileOfNumbersIsGenericNotMovieLens(@TempDir Path tmp) throws IOException {
    Path file = Fixtures.utf8(tmp.resolve("ratings.tsv"), "1\t2\t0.5\t100\n1\t3\t87\t200\n");
    Dataset dataset = DatasetReader.read(file);
    assertEquals(DatasetFormat.DELIMITED, dataset.report().format());
    assertEquals("1 2 0.5 100\n1 3 87.0 200\n", Fixtures.rows(dataset));
    Path split = Fixtures.utf8(tmp.resolve("u1.base"), "1\t2\t0.5\t100\n");
    assertEquals(
        split + " line 1, column 3 (rating): expected a rating in 1..5, found '0.5'",
        assertThrows(DataFormatException.class, () -> DatasetReader.read(split)).getMessage());
  }

  @Test
  void movieLensHeaderInAnotherFileIsGeneric(@TempDir Path tmp) throws IOException {
    String content = "userId,movieId,rating,timestamp\n1,2,10,978300760000\n";
    Path mine = Fixtures.utf8(tmp.resolve("mine.csv"), content);
    Dataset dataset = DatasetReader.read(mine);
    assertEquals(DatasetFormat.DELIMITED, dataset.report().format());
    assertEquals("1 2 10.0 978300760\n", Fixtures.rows(dataset));
    Path release = Fixtures.utf8(tmp.resolve("ratings.csv"), content);
    assertEquals(
        release + " line 2, column 3 (rating): expected a rating in 0.5..5, found '10'",
        assertThrows(DataFormatException.class, () -> DatasetReader.read(release)).getMessage());
  }

  @Test
  void nonFiniteRatingsAreRefused(@TempDir Path tmp) throws IOException {
    for (String bad : new String[] {"NaN", "Infinity", "1e39", "-inf", "4,5"}) {
      Path file = Fixtures.utf8(tmp.resolve("r.tsv"), "user\titem\trating\nu\ti\t" + bad + "\n");
      assertEquals(
          file + " line 2, column 3 (rating): expected a numeric rating, found '" + bad + "'",
          assertThrows(DataFormatException.class, () -> DatasetReader.read(file)).getMessage(),
          bad);
    }
  }
}
