package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped movielens-mf pipeline with {@code train.feedback_type: implicit}, end to end. */
class ImplicitPipelineTest {
  /** A fast implicit config: synthetic ML-100K-shaped data, ratings >= 4 as positives. */
  static final String IMPLICIT_CONFIG =
      """
      ingest:
        source: preset:ml-100k
        eval_fraction: 0.1
      train:
        feedback_type: implicit
        method: als
        wals_alpha: 10
        cg_steps: 3
        positive_threshold: 4
        num_factors: 8
        l2_reg: 1.0
        max_iterations: 5
        early_stop: false
      gate:
        map_min: 0.001
        max_map_regression_abs: 0.01
      export:
        top_n: 10
      deploy:
        enabled: false
      """;

  @TempDir Path dir;

  private CliRunner.Result sql(String query) {
    return CliRunner.run("sql", "--home", dir.resolve("home").toString(), "--format", "tsv", query);
  }

  @Test
  void trainsEvaluatesGatesAndExportsAnImplicitModel() throws Exception {
    Path config = Files.writeString(dir.resolve("implicit.yaml"), IMPLICIT_CONFIG);
    CliRunner.Result run =
        CliRunner.run(
            "run", "--home", dir.resolve("home").toString(), "--config", config.toString());
    assertEquals(ExitCodes.OK, run.code(), run.out() + run.err());
    assertTrue(run.out().contains(": SUCCEEDED"), run.out());
    assertTrue(
        run.out().lines().anyMatch(l -> l.startsWith("evaluate (implicit): MAP@10 ")), run.out());
    CliRunner.Result evaluation =
        sql("SELECT model, mean_average_precision, average_rank, " + "r2_score FROM evaluation");
    assertEquals(ExitCodes.OK, evaluation.code(), evaluation.err());
    String[] candidate = evaluation.out().lines().skip(1).findFirst().orElseThrow().split("\t");
    assertEquals("candidate", candidate[0]);
    double map = Double.parseDouble(candidate[1]);
    double averageRank = Double.parseDouble(candidate[2]);
    assertTrue(map > 0.001 && map <= 1, evaluation.out());
    assertTrue(averageRank < 0.5, evaluation.out());
    assertTrue(
        candidate.length < 4 || candidate[3].isEmpty() || candidate[3].equals("NULL"),
        "an implicit model has no r2_score: " + evaluation.out());
    CliRunner.Result info = sql("SELECT COUNT(*) FROM training_info");
    assertTrue(info.out().contains("5"), info.out());
    CliRunner.Result recommendations = sql("SELECT COUNT(*) AS n FROM recommendations");
    long n = Long.parseLong(recommendations.out().lines().skip(1).findFirst().orElseThrow().trim());
    assertTrue(n > 0, recommendations.out());
  }

  @Test
  void theShippedConfigTrainsImplicitFeedbackByAutoChoosingWeightedAls() {
    CliRunner.Result run =
        CliRunner.run(
            "run",
            "--home",
            dir.resolve("home").toString(),
            "--data",
            "preset:ml-100k",
            "--set",
            "train.feedback_type=implicit",
            "--set",
            "train.max_iterations=3",
            "--set",
            "deploy.enabled=false");
    assertEquals(ExitCodes.OK, run.code(), run.out() + run.err());
    assertTrue(
        (run.out() + run.err())
            .contains(
                "auto chose als (weighted ALS, 16 factors, up to 3 "
                    + "iterations) for 90,000 ratings"),
        run.out() + run.err());
    CliRunner.Result method = sql("SELECT COUNT(*) FROM training_info");
    assertTrue(method.out().contains("3"), method.out());
  }
}
