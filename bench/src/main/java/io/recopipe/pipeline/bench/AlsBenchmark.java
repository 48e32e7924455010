package io.recopipe.pipeline.bench;

import io.recopipe.model.als.AlsResult;
import io.recopipe.model.als.AlsTrainer;
import io.recopipe.model.als.TrainingListener;
import io.recopipe.model.metrics.RegressionEvaluation;
import io.recopipe.model.metrics.RegressionEvaluator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits and scores benchmark cases and describes each as one JSON-ready row, so speed, memory and
 * accuracy are always reported together from the same run.
 */
public final class AlsBenchmark {
  private AlsBenchmark() {}

  /** Runs one case and returns its row (keys in the documented order). */
  public static Map<String, Object> run(BenchCase c) {
    HeapMeter.reset();
    AlsResult result = new AlsTrainer(c.options()).fit(c.train(), null, TrainingListener.NONE);
    RegressionEvaluation evaluation =
        RegressionEvaluator.forScaleOf(c.train()).evaluate(result.model(), c.test());
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("case", c.name());
    row.put("n_train", c.train().size());
    row.put("n_test", c.test().size());
    row.put("users", c.train().users().size());
    row.put("items", c.train().items().size());
    row.put("num_factors", result.numFactors());
    row.put("l2_reg", result.options().l2Reg());
    row.put("method", result.options().method().configName());
    row.put("l2_reg_mode", result.options().l2RegMode().configName());
    row.put("iterations", result.trainingInfo().size());
    row.put("threads", result.options().threads());
    row.put("data_s", round(c.dataSeconds(), 3));
    row.put("fit_s", round(result.fitSeconds(), 3));
    row.put("s_per_iteration", round(result.fitSeconds() / result.trainingInfo().size(), 4));
    row.put("gflops", round(result.flops() / result.fitSeconds() / 1e9, 2));
    row.put("peak_heap_mb", round(HeapMeter.peakMiB(), 1));
    row.put("rmse", round(evaluation.get("root_mean_squared_error"), 4));
    row.put("mae", round(evaluation.get("mean_absolute_error"), 4));
    row.put("r2", round(evaluation.get("r2_score"), 4));
    row.put("train_loss", round(result.lastIteration().loss(), 4));
    if (result.sampledModel() != null) {
      double sampled =
          RegressionEvaluator.forScaleOf(c.train())
              .evaluate(result.sampledModel(), c.test())
              .get("root_mean_squared_error");
      row.put("sampled_factors", result.sampledModel().numFactors());
      row.put("sampled_rmse", round(sampled, 4));
      row.put(
          "compression_rmse_cost", round(evaluation.get("root_mean_squared_error") - sampled, 6));
    }
    row.put("jdk", Runtime.version().feature());
    row.put("vector_api", ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
    return row;
  }

  /** Averages the numeric keys of fold rows into one {@code case} row. */
  public static Map<String, Object> mean(String name, List<Map<String, Object>> rows) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("case", name);
    out.put("folds", rows.size());
    for (String key :
        List.of(
            "n_train",
            "n_test",
            "num_factors",
            "l2_reg",
            "method",
            "l2_reg_mode",
            "iterations",
            "threads",
            "data_s",
            "fit_s",
            "s_per_iteration",
            "gflops",
            "peak_heap_mb",
            "rmse",
            "mae",
            "r2")) {
      Object first = rows.get(0).get(key);
      if (first instanceof Number) {
        double sum = 0;
        for (Map<String, Object> row : rows) {
          sum += ((Number) row.get(key)).doubleValue();
        }
        out.put(key, round(sum / rows.size(), 4));
      } else {
        out.put(key, first);
      }
    }
    return out;
  }

  static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
