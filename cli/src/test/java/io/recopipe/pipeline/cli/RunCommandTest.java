package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The movielens-mf pipeline end to end through the CLI, on synthetic data with a fast config. */
class RunCommandTest {
  /** A quick ALS config so each run takes about a second. */
  static final String FAST_CONFIG = io.recopipe.pipeline.testing.FastConfig.YAML;

  @TempDir Path dir;

  private Path config(String yaml) throws IOException {
    Path file = dir.resolve("config-" + Math.abs(yaml.hashCode()) + ".yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private CliRunner.Result run(String... extra) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--home",
                dir.resolve("home").toString(),
                "--config",
                config(FAST_CONFIG).toString()));
    args.addAll(Arrays.asList(extra));
    return CliRunner.run(args.toArray(String[]::new));
  }

  private CliRunner.Result sql(String query) {
    return CliRunner.run("sql", "--home", dir.resolve("home").toString(), "--format", "tsv", query);
  }

  private static long hits(CliRunner.Result result) {
    return result.out().lines().filter(l -> l.matches("\\w+\\s+\\| SUCCEEDED \\| hit .*")).count();
  }

  @Test
  void runsEndToEndAndFillsTheWarehouse() throws IOException {
    CliRunner.Result first = run();
    assertEquals(ExitCodes.OK, first.code(), first.out() + first.err());
    assertTrue(first.out().contains(": SUCCEEDED"), first.out());
    assertEquals(0, hits(first));
    for (String table :
        List.of(
            "ratings",
            "train",
            "eval",
            "training_info",
            "evaluation",
            "weights",
            "recommendations")) {
      CliRunner.Result count = sql("SELECT COUNT(*) AS n FROM " + table);
      assertEquals(ExitCodes.OK, count.code(), count.err());
      long n = Long.parseLong(count.out().lines().skip(1).findFirst().orElseThrow().trim());
      assertTrue(n > 0, table + " is empty");
    }
    CliRunner.Result ratings = sql("SELECT COUNT(*) FROM ratings");
    assertTrue(ratings.out().contains("100000"), ratings.out());
    CliRunner.Result top =
        sql(
            "SELECT user_id, ARRAY_AGG(item_id ORDER BY rank)[1:5] AS top5 "
                + "FROM recommendations GROUP BY user_id ORDER BY user_id LIMIT 2");
    assertEquals(3, top.out().lines().count(), top.out());
    CliRunner.Result list = CliRunner.run("runs", "list", "--home", dir.resolve("home").toString());
    assertTrue(list.out().contains("movielens-mf"), list.out());
  }

  @Test
  void aSecondIdenticalRunIsAllCacheHitsUnlessCachingIsOffOrAParameterChanges() throws IOException {
    assertEquals(ExitCodes.OK, run().code());
    // The first run's export became the champion, so the second evaluates against it afresh;
    // everything upstream is reused.
    CliRunner.Result second = run();
    assertEquals(ExitCodes.OK, second.code(), second.out());
    assertTrue(
        second.out().lines().anyMatch(l -> l.matches("train\\s+\\| SUCCEEDED \\| hit.*")),
        second.out());
    CliRunner.Result third = run();
    assertEquals(ExitCodes.OK, third.code(), third.out());
    assertEquals(
        MovieLensMfPipeline.definition().steps().size() - 1,
        hits(third),
        third.out() + " (every step but deploy, which is never cached)");
    CliRunner.Result noCache = run("--no-cache");
    assertEquals(ExitCodes.OK, noCache.code(), noCache.out());
    assertEquals(0, hits(noCache), noCache.out());
    CliRunner.Result changed = run("--set", "train.max_iterations=6");
    assertEquals(ExitCodes.OK, changed.code(), changed.out());
    assertTrue(
        changed.out().lines().anyMatch(l -> l.matches("ingest\\s+\\| SUCCEEDED \\| hit.*")),
        changed.out());
    assertTrue(
        changed.out().lines().anyMatch(l -> l.matches("train\\s+\\| SUCCEEDED \\| - .*")),
        changed.out());
  }

  @Test
  void aModelBelowTheFloorIsGatedAndNothingIsExported() throws IOException {
    CliRunner.Result gated = run("--set", "gate.r2_min=0.99");
    assertEquals(ExitCodes.GATED, gated.code(), gated.out() + gated.err());
    assertTrue(gated.out().contains(": GATED"), gated.out());
    assertFalse(
        gated.out().lines().anyMatch(l -> l.matches("export\\s+\\| SUCCEEDED.*")), gated.out());
  }

  @Test
  void aRegressionAgainstTheChampionIsGated() throws IOException {
    assertEquals(ExitCodes.OK, run().code());
    String tablesBefore =
        sql("SELECT * FROM evaluation ORDER BY ALL").out()
            + sql("SELECT COUNT(*), SUM(rating) FROM ratings").out();
    // A much weaker candidate: one iteration, heavy regularization.
    CliRunner.Result worse = run("--set", "train.max_iterations=1", "--set", "train.l2_reg=50");
    assertEquals(ExitCodes.GATED, worse.code(), worse.out());
    assertTrue(worse.out().contains("did not bless"), worse.out());
    assertEquals(
        tablesBefore,
        sql("SELECT * FROM evaluation ORDER BY ALL").out()
            + sql("SELECT COUNT(*), SUM(rating) FROM ratings").out(),
        "a gated run publishes none of its tables");
  }

  @Test
  void badInputFailsTheRunWithOneLine() throws IOException {
    CliRunner.Result badOption = run("--set", "train.num_factors=500");
    assertEquals(ExitCodes.BAD_INPUT, badOption.code());
    assertEquals(1, badOption.err().lines().count(), badOption.err());
    assertTrue(badOption.err().contains("num_factors must be in 2..200"), badOption.err());
    assertFalse(Files.exists(dir.resolve("home")), "a refused config must not create the home");

    CliRunner.Result missing = run("--data", dir.resolve("nowhere").toString());
    assertEquals(ExitCodes.BAD_INPUT, missing.code());
    assertTrue(missing.err().contains("nowhere"), missing.err());
    assertFalse(Files.exists(dir.resolve("home")), "a missing data path must not create a home");

    CliRunner.Result section =
        CliRunner.run(
            "run", "--home", dir.resolve("home").toString(), "--set", "trian.num_factors=5");
    assertEquals(ExitCodes.BAD_INPUT, section.code());
    assertTrue(
        section.err().contains("trian: unknown section (did you mean train?)"), section.err());
  }

  @Test
  void sqlErrorsAreOneLineBadInput() throws IOException {
    assertEquals(ExitCodes.OK, run().code());
    CliRunner.Result bad = sql("SELECT nope FROM ratings");
    assertEquals(ExitCodes.BAD_INPUT, bad.code());
    assertEquals(1, bad.err().lines().count(), bad.err());
  }

  @Test
  void aNewChampionInvalidatesCachedEvaluationsButNotTraining() throws IOException {
    assertEquals(ExitCodes.OK, run().code());
    assertEquals(ExitCodes.OK, run("--set", "train.max_iterations=6").code());
    CliRunner.Result again = run();
    assertTrue(
        again.out().lines().anyMatch(l -> l.matches("train\\s+\\| \\w+\\s+\\| hit.*")),
        again.out());
    assertTrue(
        again.out().lines().anyMatch(l -> l.matches("evaluate\\s+\\| \\w+\\s+\\| - .*")),
        "evaluate must rerun against the new champion:\n" + again.out());
    CliRunner.Result evaluation = sql("SELECT model FROM evaluation ORDER BY model");
    assertTrue(evaluation.out().contains("champion"), evaluation.out());
  }

  @Test
  void cacheFalseInAStepsSectionTurnsCachingOffForThatStepOnly() throws IOException {
    assertEquals(ExitCodes.OK, run().code());
    assertEquals(ExitCodes.OK, run().code());
    CliRunner.Result third = run("--set", "train.cache=false");
    assertEquals(ExitCodes.OK, third.code(), third.out() + third.err());
    assertTrue(third.out().contains("[train] cache off for this step"), third.out());
    assertTrue(
        third.out().lines().anyMatch(l -> l.matches("ingest\\s+\\| SUCCEEDED \\| hit.*")),
        third.out());
  }
}
