package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.testing.PlantedRatings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchDefaultsCommandTest {
  /** The keys every case line carries: the default's choice and numbers next to ALS and VB. */
  private static final List<String> KEYS =
      List.of(
          "case",
          "n_train",
          "n_test",
          "density",
          "auto_method",
          "auto_exported_factors",
          "auto_fit_s",
          "auto_rmse",
          "als_num_factors",
          "als_fit_s",
          "als_rmse",
          "vb_num_factors",
          "vb_fit_s",
          "vb_rmse",
          "best_baseline_rmse",
          "auto_no_worse");

  @Test
  void foldsPrintEachFoldAndTheirMeanBesideTheBaselines(@TempDir Path dir) throws IOException {
    TrainCommandTest.dir = dir;
    for (int fold = 1; fold <= 5; fold++) {
      PlantedRatings.Split split = PlantedRatings.generate(70, 50, 2, 0.4, 0.3, fold);
      TrainCommandTest.write("u" + fold + ".base", split.train());
      TrainCommandTest.write("u" + fold + ".test", split.test());
    }
    CliRunner.Result result =
        CliRunner.run(
            "bench", "defaults", "--cases", "ml-100k", "--folds", dir.toString(), "--threads", "2");
    assertEquals(ExitCodes.OK, result.code(), result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals(6, lines.size(), result.out());
    for (int fold = 1; fold <= 5; fold++) {
      assertCaseLine(lines.get(fold - 1), "ml-100k-u" + fold);
      assertTrue(lines.get(fold - 1).contains("\"auto_method\":\"gibbs\""), lines.get(fold - 1));
      assertTrue(lines.get(fold - 1).contains("\"als_num_factors\":34"), lines.get(fold - 1));
      assertTrue(lines.get(fold - 1).contains("\"auto_sampled_rmse\":"), lines.get(fold - 1));
    }
    assertCaseLine(lines.get(5), "ml-100k-mean");
    assertTrue(lines.get(5).contains("\"folds\":5"), lines.get(5));
  }

  @Test
  void anUnknownCaseIsBadInput() {
    CliRunner.Result result = CliRunner.run("bench", "defaults", "--cases", "ml-5m");
    assertEquals(ExitCodes.BAD_INPUT, result.code());
    assertTrue(
        result
            .err()
            .contains(
                "--cases: unknown case 'ml-5m' (known: ml-100k, ml-1m, "
                    + "ml-20m, preset-ml-100k)"),
        result.err());
  }

  private static void assertCaseLine(String line, String caseName) {
    assertTrue(line.startsWith("{\"case\":\"" + caseName + "\""), line);
    for (String key : KEYS) {
      assertTrue(line.contains("\"" + key + "\":"), key + " missing in " + line);
    }
  }
}
