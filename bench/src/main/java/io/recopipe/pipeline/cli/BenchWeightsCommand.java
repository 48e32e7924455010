package io.recopipe.pipeline.cli;

import io.recopipe.components.synthetic.TrainTestSplit;
import io.recopipe.components.warehouse.QueryResult;
import io.recopipe.infra.bigquery.WeightsImport;
import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.io.Json;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.weights.FactorWeight;
import io.recopipe.model.weights.ModelWeights;
import io.recopipe.model.weights.WeightsRow;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe bench weights}: what the BigQuery ML engine spends after BigQuery answers,
 * turning an ML.WEIGHTS result (as the client returns it: structs of factor and weight) into the
 * bundle's model, at preset sizes up to ml-20m; checks the result predicts identically.
 */
@Command(
    name = "weights",
    mixinStandardHelpOptions = true,
    description = "Benchmarks ML.WEIGHTS → model conversion; one JSON line per preset.")
final class BenchWeightsCommand implements Callable<Integer> {
  @Option(
      names = "--presets",
      split = ",",
      defaultValue = "ml-1m,ml-20m",
      description = "Presets (default: ${DEFAULT-VALUE}).")
  List<String> presets;

  @Option(names = "--num-factors", defaultValue = "64", description = "Factors (default: 64).")
  int numFactors;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (String preset : presets) {
      TrainTestSplit split = DataSources.preset(preset, 42);
      MfModel model =
          new io.recopipe.model.als.AlsTrainer(
                  AlsOptions.fromMap(
                      Map.of("num_factors", Integer.toString(numFactors), "max_iterations", "1")))
              .fit(split.train())
              .model();
      QueryResult weights =
          asBigQueryReturnsIt(ModelWeights.of(model, "user_id", "item_id").rows());
      long start = System.nanoTime();
      MfModel imported = WeightsImport.toModel(weights, split.train());
      double seconds = (System.nanoTime() - start) / 1e9;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("case", "weights-" + preset);
      row.put("users", model.users().size());
      row.put("items", model.items().size());
      row.put("num_factors", numFactors);
      row.put("rows", weights.rows().size());
      row.put("convert_s", Math.round(seconds * 1000) / 1000.0);
      row.put("identical_predictions", samePredictions(model, imported));
      out.println(Json.compact(Json.valueOf(row)));
      out.flush();
    }
    return ExitCodes.OK;
  }

  private static QueryResult asBigQueryReturnsIt(List<WeightsRow> rows) {
    List<List<Object>> values = new ArrayList<>(rows.size());
    for (WeightsRow r : rows) {
      List<Object> factors = null;
      if (!r.isGlobalIntercept()) {
        factors = new ArrayList<>(r.factorWeights().size());
        for (FactorWeight f : r.factorWeights()) {
          factors.add(Map.of("factor", (long) f.factor(), "weight", f.weight()));
        }
      }
      List<Object> row = new ArrayList<>();
      row.add(r.processedInput());
      row.add(r.feature());
      row.add(factors);
      row.add(r.intercept());
      values.add(row);
    }
    return new QueryResult(
        List.of("processed_input", "feature", "factor_weights", "intercept"), values);
  }

  private static boolean samePredictions(MfModel a, MfModel b) {
    for (int u = 0; u < a.users().size(); u += Math.max(1, a.users().size() / 50)) {
      for (int i = 0; i < a.items().size(); i += Math.max(1, a.items().size() / 50)) {
        if (a.predict(u, i) != b.predict(u, i)) {
          return false;
        }
      }
    }
    return true;
  }
}
