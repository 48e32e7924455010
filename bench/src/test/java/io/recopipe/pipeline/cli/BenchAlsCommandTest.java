package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.testing.PlantedRatings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchAlsCommandTest {
  /** The keys the issue requires on every case line. */
  private static final List<String> KEYS =
      List.of(
          "case",
          "n_train",
          "n_test",
          "num_factors",
          "l2_reg",
          "iterations",
          "threads",
          "fit_s",
          "s_per_iteration",
          "gflops",
          "peak_heap_mb",
          "rmse",
          "mae");

  private static void assertCaseLine(String line, String caseName) {
    assertTrue(line.startsWith("{\"case\":\"" + caseName + "\""), line);
    assertTrue(line.endsWith("}"), line);
    for (String key : KEYS) {
      assertTrue(line.contains("\"" + key + "\":"), key + " missing in " + line);
    }
  }

  @Test
  void aTrainTestPairPrintsOneJsonLine(@TempDir Path dir) throws IOException {
    PlantedRatings.Split split = PlantedRatings.generate(120, 80, 3, 0.3, 0.3, 9);
    TrainCommandTest.dir = dir;
    Path train = TrainCommandTest.write("a.base", split.train());
    Path test = TrainCommandTest.write("a.test", split.test());
    CliRunner.Result result =
        CliRunner.run(
            "bench",
            "als",
            "--train",
            train.toString(),
            "--test",
            test.toString(),
            "--defaults",
            "movielens-als",
            "--num-factors",
            "3",
            "--max-iterations",
            "4",
            "--threads",
            "1");
    assertEquals(ExitCodes.OK, result.code(), result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals(1, lines.size(), result.out());
    assertCaseLine(lines.get(0), "a.base");
    assertTrue(lines.get(0).contains("\"num_factors\":3"), lines.get(0));
    assertTrue(lines.get(0).contains("\"iterations\":4"), lines.get(0));
    assertTrue(lines.get(0).contains("\"threads\":1"), lines.get(0));
  }

  @Test
  void foldsPrintEachFoldAndTheirMean(@TempDir Path dir) throws IOException {
    TrainCommandTest.dir = dir;
    for (int fold = 1; fold <= 5; fold++) {
      PlantedRatings.Split split = PlantedRatings.generate(60, 40, 2, 0.4, 0.3, fold);
      TrainCommandTest.write("u" + fold + ".base", split.train());
      TrainCommandTest.write("u" + fold + ".test", split.test());
    }
    CliRunner.Result result =
        CliRunner.run(
            "bench",
            "als",
            "--folds",
            dir.toString(),
            "--defaults",
            "movielens-als",
            "--num-factors",
            "2",
            "--max-iterations",
            "2");
    assertEquals(ExitCodes.OK, result.code(), result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals(6, lines.size(), result.out());
    String prefix = dir.getFileName().toString();
    for (int fold = 1; fold <= 5; fold++) {
      assertCaseLine(lines.get(fold - 1), prefix + "-u" + fold);
    }
    assertCaseLine(lines.get(5), prefix + "-mean");
  }

  @Test
  void aPresetCaseRuns() {
    CliRunner.Result result =
        CliRunner.run(
            "bench",
            "als",
            "--preset",
            "ml-100k",
            "--defaults",
            "movielens-vb",
            "--num-factors",
            "4",
            "--max-iterations",
            "2");
    assertEquals(ExitCodes.OK, result.code(), result.err());
    assertCaseLine(result.out().strip(), "preset-ml-100k");
    assertTrue(result.out().contains("\"n_train\":90000"), result.out());
  }

  @Test
  void missingFoldFilesAreBadInput(@TempDir Path dir) {
    CliRunner.Result result = CliRunner.run("bench", "als", "--folds", dir.toString());
    assertEquals(ExitCodes.BAD_INPUT, result.code());
    assertTrue(result.err().contains("missing u1.base"), result.err());
  }
}
