package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.recopipe.components.readers.DatasetReader;
import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.AlsResult;
import io.recopipe.model.als.AlsTrainer;
import io.recopipe.model.als.TrainingListener;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.metrics.RegressionEvaluation;
import io.recopipe.model.metrics.RegressionEvaluator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trainer on the real MovieLens 100K u1 split with the documented defaults. */
class MovieLens100kAccuracyIT {

  private static Path ml100k() {
    return DataSources.findMl100k().orElse(Path.of("../shared/data/ml-100k"));
  }

  @Test
  void u1SplitReachesRmseAtMostPoint92WithTheMovieLensDefaults() throws Exception {
    Path dir = ml100k();
    assumeTrue(
        Files.isRegularFile(dir.resolve("u1.base")),
        "ML-100K not found at " + dir.toAbsolutePath() + "; set ML100K_DIR to run this test");
    Ratings train = DatasetReader.read(dir.resolve("u1.base")).ratings();
    Ratings test = DatasetReader.read(dir.resolve("u1.test")).ratings();
    assertEquals(80_000, train.size());
    assertEquals(20_000, test.size());
    AlsOptions options = OptionDefaults.resolve("movielens", Map.of());
    AlsResult fit = new AlsTrainer(options).fit(train, test, TrainingListener.NONE);
    RegressionEvaluation evaluation = RegressionEvaluator.create().evaluate(fit.model(), test);
    double rmse = evaluation.get("root_mean_squared_error");
    assertTrue(rmse <= 0.92, "u1 RMSE " + rmse + " > 0.92");
    assertTrue(evaluation.get("r2_score") > 0.3, "r2 " + evaluation.get("r2_score"));
    // BigQuery ML's plain defaults are far worse on held-out data: the reason for the tuned set.
    AlsResult plain = new AlsTrainer(OptionDefaults.resolve("bigquery", Map.of())).fit(train);
    double plainRmse =
        RegressionEvaluator.create().evaluate(plain.model(), test).get("root_mean_squared_error");
    assertTrue(plainRmse > rmse, "bigquery defaults " + plainRmse + " vs tuned " + rmse);
  }
}
