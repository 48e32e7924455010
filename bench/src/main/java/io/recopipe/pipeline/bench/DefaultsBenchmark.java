package io.recopipe.pipeline.bench;

import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.AlsResult;
import io.recopipe.model.als.AlsTrainer;
import io.recopipe.model.als.AutoMethod;
import io.recopipe.model.als.TrainingListener;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.metrics.RegressionEvaluator;
import io.recopipe.model.mf.MfModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores the shipped default ({@code method: auto}) against ALS and VB at a fixed factor count on
 * one train/test split, so the claim "the default is no worse than the best of them" is checked by
 * a number on every run rather than remembered from a tuning session.
 */
public final class DefaultsBenchmark {
  private DefaultsBenchmark() {}

  /**
   * One case: {@code auto} with its choice, then each baseline; a baseline whose options equal the
   * resolved default's is not fitted twice (its numbers are the default's).
   */
  public static Map<String, Object> run(
      String name,
      Ratings train,
      Ratings test,
      AlsOptions auto,
      Map<String, AlsOptions> baselines) {
    AutoMethod.Choice choice = AutoMethod.resolve(auto, train);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("case", name);
    row.put("n_train", train.size());
    row.put("n_test", test.size());
    row.put("users", train.users().size());
    row.put("items", train.items().size());
    row.put(
        "density",
        AlsBenchmark.round(
            train.size() / ((double) train.users().size() * train.items().size()), 5));
    AlsResult fit = fit(choice.options(), train);
    row.put("auto_method", choice.options().method().configName());
    row.put("auto_exported_factors", fit.numFactors());
    row.put("auto_iterations", fit.trainingInfo().size());
    row.put("auto_fit_s", AlsBenchmark.round(fit.fitSeconds(), 3));
    double autoRmse = rmse(train, fit.model(), test);
    row.put("auto_rmse", AlsBenchmark.round(autoRmse, 4));
    if (fit.sampledModel() != null) {
      row.put("auto_sampled_factors", fit.sampledModel().numFactors());
      double sampled = rmse(train, fit.sampledModel(), test);
      row.put("auto_sampled_rmse", AlsBenchmark.round(sampled, 4));
      row.put("compression_rmse_cost", AlsBenchmark.round(autoRmse - sampled, 6));
    }
    double best = Double.POSITIVE_INFINITY;
    for (Map.Entry<String, AlsOptions> baseline : baselines.entrySet()) {
      String key = baseline.getKey();
      AlsResult other =
          baseline.getValue().equals(choice.options()) ? fit : fit(baseline.getValue(), train);
      double rmse = other == fit ? autoRmse : rmse(train, other.model(), test);
      row.put(key + "_num_factors", other.numFactors());
      row.put(key + "_fit_s", AlsBenchmark.round(other.fitSeconds(), 3));
      row.put(key + "_rmse", AlsBenchmark.round(rmse, 4));
      best = Math.min(best, rmse);
    }
    if (!baselines.isEmpty()) {
      row.put("best_baseline_rmse", AlsBenchmark.round(best, 4));
      row.put("auto_no_worse", autoRmse <= best);
    }
    row.put("threads", auto.threads());
    return row;
  }

  /** Averages the numeric keys of fold rows into one row named {@code name}. */
  public static Map<String, Object> mean(String name, List<Map<String, Object>> rows) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("case", name);
    out.put("folds", rows.size());
    for (String key : rows.get(0).keySet()) {
      Object first = rows.get(0).get(key);
      if (key.equals("case")) {
        continue;
      }
      if (first instanceof Number) {
        double sum = 0;
        for (Map<String, Object> row : rows) {
          sum += ((Number) row.get(key)).doubleValue();
        }
        out.put(key, AlsBenchmark.round(sum / rows.size(), key.endsWith("_cost") ? 6 : 4));
      } else {
        out.put(key, first);
      }
    }
    Object autoRmse = out.get("auto_rmse");
    Object best = out.get("best_baseline_rmse");
    if (autoRmse instanceof Number a && best instanceof Number b) {
      out.put("auto_no_worse", a.doubleValue() <= b.doubleValue());
    }
    return out;
  }

  private static AlsResult fit(AlsOptions options, Ratings train) {
    return new AlsTrainer(options).fit(train, null, TrainingListener.NONE);
  }

  private static double rmse(Ratings train, MfModel model, Ratings test) {
    return RegressionEvaluator.forScaleOf(train)
        .evaluate(model, test)
        .get("root_mean_squared_error");
  }
}
