package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.data.Ratings;
import io.recopipe.model.testing.PlantedRatings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
  @TempDir static Path dir;
  static Path train;
  static Path test;

  @BeforeAll
  static void writeFixtures() throws IOException {
    PlantedRatings.Split split = PlantedRatings.generate(150, 100, 3, 0.3, 0.3, 5);
    train = write("train.tsv", split.train());
    test = write("test.tsv", split.test());
  }

  /** Writes ratings as u.data-style lines, rounded and clipped to 1..5 stars. */
  static Path write(String name, Ratings ratings) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int n = 0; n < ratings.size(); n++) {
      long stars = Math.max(1, Math.min(5, Math.round(ratings.rating(n))));
      lines.add(
          ratings.users().id(ratings.user(n)).substring(1)
              + "\t"
              + ratings.items().id(ratings.item(n)).substring(1)
              + "\t"
              + stars
              + "\t"
              + (800_000_000L + n));
    }
    Path file = dir.resolve(name);
    Files.write(file, lines);
    return file;
  }

  /** Runs {@code recopipe train ARGS} and checks that it exits with {@code code}. */
  private static CliRunner.Result train(int code, String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "train";
    System.arraycopy(args, 0, command, 1, args.length);
    CliRunner.Result result = CliRunner.run(command);
    assertEquals(code, result.code(), result.out() + result.err());
    return result;
  }

  /** {@link #train} on the planted training split: {@code recopipe train --train TRAIN ARGS}. */
  private static CliRunner.Result trainOnSplit(int code, String... args) {
    String[] withSplit = new String[args.length + 2];
    withSplit[0] = "--train";
    withSplit[1] = train.toString();
    System.arraycopy(args, 0, withSplit, 2, args.length);
    return train(code, withSplit);
  }

  @Test
  void trainsAndPrintsTrainingInfoAndEvaluateColumns() {
    CliRunner.Result result =
        trainOnSplit(
            ExitCodes.OK,
            "--test",
            test.toString(),
            "--defaults",
            "movielens-als",
            "--num-factors",
            "4",
            "--max-iterations",
            "6",
            "--threads",
            "2");
    assertTrue(result.out().contains("num_factors=4"), result.out());
    for (String column :
        List.of(
            "mean_absolute_error",
            "mean_squared_error",
            "mean_squared_log_error",
            "median_absolute_error",
            "r2_score",
            "explained_variance",
            "root_mean_squared_error")) {
      assertTrue(result.out().contains(column), column + " missing:\n" + result.out());
    }
    assertTrue(result.err().contains("iteration  loss"), result.err());
    assertEquals(
        6,
        result.err().lines().filter(l -> l.matches("\\s+\\d+\\s+\\d\\.\\d+.*")).count(),
        result.err());
  }

  @Test
  void trainsOnASyntheticPreset() {
    CliRunner.Result result =
        train(
            ExitCodes.OK,
            "--preset",
            "ml-100k",
            "--defaults",
            "movielens-vb",
            "--num-factors",
            "8",
            "--max-iterations",
            "3");
    assertTrue(result.out().contains("train: 90,000 ratings"), result.out());
    assertTrue(result.out().contains("root_mean_squared_error"), result.out());
  }

  @Test
  void bigQueryDefaultsUsePlainRegularizationAndAutomaticFactors() {
    CliRunner.Result result =
        trainOnSplit(ExitCodes.OK, "--defaults", "bigquery", "--max-iterations", "2");
    assertTrue(result.out().contains("l2_reg=1.0"), result.out());
    assertTrue(result.out().contains("l2_reg_mode=plain"), result.out());
  }

  @Test
  void anOutOfRangeOptionIsOneLineAndExitCodeTwo() {
    CliRunner.Result result =
        trainOnSplit(ExitCodes.BAD_INPUT, "--num-factors", "500", "--set", "learning_rate=0.1");
    assertEquals(1, result.err().lines().count(), result.err());
    assertTrue(result.err().contains("num_factors must be in 2..200"), result.err());
    assertTrue(result.err().contains("unknown option 'learning_rate'"), result.err());
  }

  @Test
  void aMalformedFileNamesTheFileAndLine() throws IOException {
    Path bad = dir.resolve("bad.data");
    Files.write(bad, List.of("1\t2\t3\t4", "1\t3\tfive\t5"));
    CliRunner.Result result = train(ExitCodes.BAD_INPUT, "--train", bad.toString());
    assertEquals(1, result.err().lines().count(), result.err());
    assertTrue(result.err().contains("bad.data"), result.err());
    assertTrue(result.err().contains("line 2"), result.err());
  }

  @Test
  void aMissingFileIsBadInput() {
    CliRunner.Result result =
        train(ExitCodes.BAD_INPUT, "--train", dir.resolve("nope.tsv").toString());
    assertTrue(result.err().contains("nope.tsv"), result.err());
    assertEquals(1, result.err().lines().count(), result.err());
  }

  @Test
  void trainAndPresetTogetherIsAUsageError() {
    CliRunner.Result result = trainOnSplit(ExitCodes.BAD_INPUT, "--preset", "ml-1m");
    assertTrue(result.err().contains("mutually exclusive"), result.err());
  }

  @Test
  void savesABundleWithProvenanceAndMetricsThatLoadsBack() throws IOException {
    Path bundleDir = dir.resolve("bundle");
    CliRunner.Result result =
        trainOnSplit(
            ExitCodes.OK,
            "--test",
            test.toString(),
            "--defaults",
            "movielens-vb",
            "--num-factors",
            "3",
            "--max-iterations",
            "3",
            "--out",
            bundleDir.toString());
    assertTrue(result.out().contains("bundle: " + bundleDir), result.out());
    io.recopipe.model.bundle.ModelBundle bundle =
        io.recopipe.model.bundle.ModelBundle.load(bundleDir);
    assertEquals(3, bundle.model().numFactors());
    assertEquals(3, bundle.manifest().trainingInfo().size());
    assertTrue(bundle.manifest().metrics().containsKey("root_mean_squared_error"));
    assertEquals(42L, bundle.manifest().provenance().seed());
    assertTrue(bundle.manifest().dataFingerprint().startsWith("sha256:"));

    CliRunner.Result again =
        trainOnSplit(
            ExitCodes.BAD_INPUT,
            "--defaults",
            "movielens-als",
            "--max-iterations",
            "1",
            "--out",
            bundleDir.toString());
    assertTrue(again.err().contains("--overwrite"), again.err());
    trainOnSplit(
        ExitCodes.OK,
        "--defaults",
        "movielens-als",
        "--max-iterations",
        "1",
        "--num-factors",
        "2",
        "--out",
        bundleDir.toString(),
        "--overwrite");
    assertEquals(2, io.recopipe.model.bundle.ModelBundle.load(bundleDir).model().numFactors());
  }

  @Test
  void theDefaultIsAutoAndPrintsItsChoice() {
    CliRunner.Result ok =
        trainOnSplit(
            ExitCodes.OK,
            "--max-iterations",
            "45",
            "--set",
            "burn_in_iterations=35",
            "--set",
            "num_samples=3",
            "--num-factors",
            "12");
    assertTrue(
        ok.out()
            .contains(
                "train: auto chose gibbs (4 factors x 3 samples, exported as 12,"
                    + " 45 iterations)"),
        ok.out());
    assertTrue(ok.out().contains("method=gibbs"), ok.out());
    assertTrue(ok.out().contains("num_factors=12"), ok.out());
    CliRunner.Result vb = trainOnSplit(ExitCodes.OK, "--num-factors", "5", "--max-iterations", "2");
    assertTrue(vb.out().contains("train: auto chose vb (5 factors, 2 iterations)"), vb.out());
    CliRunner.Result bad =
        trainOnSplit(ExitCodes.BAD_INPUT, "--defaults", "movielens", "--num-factors", "50");
    assertTrue(bad.err().contains("num_samples"), bad.err());
  }
}
