package io.recopipe.bench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.bench.spark.BenchOptions.AlsFit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchOptionsTest {
  @TempDir
  Path dir;

  @Test
  void defaultsCompareRecopipesLargeDataFitFirst() throws IOException {
    Path ratings = Files.writeString(dir.resolve("ratings.tsv"), "1\t2\t3\t4\n");
    BenchOptions options = BenchOptions.parse(new String[] {
        "--ratings", ratings.toString(), "--out", dir.resolve("out").toString()});
    assertEquals(List.of(new AlsFit(64, 40), new AlsFit(34, 15)), options.fits());
    assertEquals("rank64-it40", options.fits().get(0).label());
    assertEquals("ml-1m", options.caseName());
    assertEquals(50, options.topN());
    assertNull(options.splitDir());
  }

  @Test
  void readsEveryOption() throws IOException {
    Path ratings = Files.writeString(dir.resolve("ratings.tsv"), "");
    Files.writeString(dir.resolve("train.tsv"), "");
    Files.writeString(dir.resolve("eval.tsv"), "");
    BenchOptions options = BenchOptions.parse(new String[] {"--ratings", ratings.toString(),
        "--out", "o", "--split", dir.toString(), "--case", "ml-20m", "--fits", "10x5, 20x3",
        "--reg-param", "0.05", "--top-n", "10", "--threads", "4", "--seed", "7"});
    assertEquals(dir, options.splitDir());
    assertEquals(List.of(new AlsFit(10, 5), new AlsFit(20, 3)), options.fits());
    assertEquals(0.05, options.regParam());
    assertEquals(10, options.topN());
    assertEquals(4, options.threads());
    assertEquals(7L, options.seed());
  }

  @Test
  void errorsAreOneLineNamingTheFlag() throws IOException {
    Path ratings = Files.writeString(dir.resolve("ratings.tsv"), "");
    String file = ratings.toString();
    assertMessage("--fits: \"64-40\" is not RANKxITERATIONS (e.g. 64x40)",
        "--ratings", file, "--out", "o", "--fits", "64-40");
    assertMessage("--top-n: \"0\" is not a positive int",
        "--ratings", file, "--out", "o", "--top-n", "0");
    assertMessage("--reg-param: \"nan\" is not a positive number",
        "--ratings", file, "--out", "o", "--reg-param", "nan");
    assertMessage("--split: no such file \"" + dir.resolve("train.tsv") + "\"",
        "--ratings", file, "--out", "o", "--split", dir.toString());
    assertTrue(message("--out", "o").startsWith("--ratings and --out are required; usage:"));
    assertTrue(message("--ratings").startsWith("--ratings needs a value; usage:"));
  }

  @Test
  void controlCharactersInValuesAreEscaped() {
    String error = message("--bad\nflag", "x");
    assertTrue(error.startsWith("unknown option \"--bad\\u000aflag\"; usage:"), error);
    assertFalse(error.contains("\n"));
  }

  private static void assertMessage(String expected, String... args) {
    assertEquals(expected, message(args));
  }

  private static String message(String... args) {
    return assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(args))
        .getMessage();
  }
}
