package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.readers.Dataset;
import io.recopipe.components.readers.DatasetReader;
import io.recopipe.components.readers.DelimitedOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

  /** Runs the CLI; returns {exit code, stdout, stderr}. */
  private static Object[] run(String... args) {
    CliRunner.Result result = CliRunner.run(args);
    return new Object[] {result.code(), result.out(), result.err()};
  }

  @Test
  void generatesPresetWithSplitThatReadsBack(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("gen");
    Object[] result =
        run(
            "data",
            "generate",
            "--preset",
            "ml-100k",
            "--out",
            out.toString(),
            "--seed",
            "7",
            "--test-fraction",
            "0.2");
    assertEquals(ExitCodes.OK, result[0], () -> String.valueOf(result[2]));
    String summary = (String) result[1];
    assertEquals(1, summary.lines().count(), summary);
    assertTrue(
        summary.startsWith(
            "generated ml-100k (seed 7): 100000 ratings, 943 users,"
                + " 1682 items, planted noise sd 0.85"),
        summary);
    assertTrue(summary.contains("train.tsv 80000 rows, test.tsv 20000 rows"), summary);

    Dataset all = DatasetReader.read(out.resolve("ratings.tsv"));
    assertEquals(100_000, all.ratings().size());
    assertEquals(943, all.ratings().users().size());
    assertEquals(1_682, all.ratings().items().size());
    assertEquals(0, all.report().duplicatesResolved());
    Dataset generic =
        DatasetReader.read(
            out.resolve("ratings.tsv"),
            DelimitedOptions.tsv().withHeader(false).withTimestampColumn("3"));
    assertEquals(all.ratings().fingerprint(), generic.ratings().fingerprint());
    assertEquals(80_000, DatasetReader.read(out.resolve("train.tsv")).ratings().size());
    assertEquals(20_000, DatasetReader.read(out.resolve("test.tsv")).ratings().size());

    String firstLine = Files.readAllLines(out.resolve("ratings.tsv")).get(0);
    assertTrue(firstLine.matches("1\t\\d+\t[1-5]\t\\d{9,10}"), firstLine);
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(
          List.of("ratings.tsv", "test.tsv", "train.tsv"),
          files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
    }
  }

  @Test
  void sameSeedWritesIdenticalBytesAndNoSplitByDefault(@TempDir Path tmp) throws IOException {
    for (String dir : new String[] {"a", "b"}) {
      assertEquals(
          ExitCodes.OK,
          run(
              "data",
              "generate",
              "--users",
              "40",
              "--items",
              "30",
              "--ratings",
              "1000",
              "--out",
              tmp.resolve(dir).toString(),
              "--seed",
              "3")[0]);
    }
    assertArrayEquals(
        Files.readAllBytes(tmp.resolve("a/ratings.tsv")),
        Files.readAllBytes(tmp.resolve("b/ratings.tsv")));
    assertFalse(Files.exists(tmp.resolve("a/train.tsv")));
    assertEquals(1000, DatasetReader.read(tmp.resolve("a/ratings.tsv")).ratings().size());
  }

  @Test
  void badOptionsExitWithBadInputAndOneLine(@TempDir Path tmp) {
    Object[] unknown = run("data", "generate", "--preset", "ml-5m", "--out", tmp.toString());
    assertEquals(ExitCodes.BAD_INPUT, unknown[0]);
    assertEquals(
        "recopipe: error: unknown preset 'ml-5m'; expected one of ml-100k, ml-1m," + " ml-20m",
        ((String) unknown[2]).strip());
    Object[] fraction =
        run(
            "data",
            "generate",
            "--preset",
            "ml-100k",
            "--out",
            tmp.toString(),
            "--test-fraction",
            "1.5");
    assertEquals(ExitCodes.BAD_INPUT, fraction[0]);
    assertEquals(ExitCodes.BAD_INPUT, run("data", "generate", "--preset", "ml-100k")[0]);
    assertEquals(ExitCodes.BAD_INPUT, run("data", "generate", "--out", tmp.toString())[0]);
  }
}
