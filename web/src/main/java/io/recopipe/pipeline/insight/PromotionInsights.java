package io.recopipe.pipeline.insight;

import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.metrics.MetricValues;
import io.recopipe.model.metrics.RegressionEvaluator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds a {@link PromotionInsight} from a candidate bundle, the champion's and the dataset. */
public final class PromotionInsights {
  private PromotionInsights() {}

  /**
   * The insight for {@code candidateBundle} against {@code championBundle} on the eval split of
   * {@code datasetDir} (an ingest DATASET artifact: eval.tsv, movies.tsv), with the gate's decision
   * JSON, {@code sampleUsers} users and top {@code topK} items each.
   */
  public static PromotionInsight build(
      Path candidateBundle,
      Optional<Path> championBundle,
      Path datasetDir,
      Optional<String> gateDecisionJson,
      int sampleUsers,
      int topK)
      throws IOException {
    InsightDataset dataset = InsightDataset.read(datasetDir);
    ModelBundle candidate = ModelBundle.load(candidateBundle);
    Optional<ModelBundle> champion =
        championBundle.isPresent()
            ? Optional.of(ModelBundle.load(championBundle.get()))
            : Optional.empty();
    RegressionEvaluator evaluator = dataset.evaluator();
    boolean implicit = ImplicitInsight.isImplicit(candidate);
    MetricValues ours;
    Optional<MetricValues> theirs;
    float[] actual;
    float[] ourPredictions;
    Optional<float[]> theirPredictions;
    List<Double> edges;
    if (implicit) {
      ours = ImplicitInsight.metrics(candidate, dataset);
      theirs = champion.map(c -> ImplicitInsight.metrics(c, dataset));
      actual = ImplicitInsight.actual(dataset.eval(), candidate);
      ourPredictions = ImplicitInsight.predicted(candidate.model(), dataset.eval(), candidate);
      theirPredictions =
          champion.map(c -> ImplicitInsight.predicted(c.model(), dataset.eval(), candidate));
      edges = ErrorHistograms.edges(1.0, ErrorHistograms.BINS);
    } else {
      ours = evaluator.evaluate(candidate.model(), dataset.eval());
      theirs = champion.map(c -> evaluator.evaluate(c.model(), dataset.eval()));
      actual = EvalPredictions.actual(dataset.eval());
      ourPredictions = EvalPredictions.predicted(candidate.model(), dataset.eval(), evaluator);
      theirPredictions =
          champion.map(c -> EvalPredictions.predicted(c.model(), dataset.eval(), evaluator));
      List<float[]> all = new ArrayList<>();
      all.add(ourPredictions);
      theirPredictions.ifPresent(all::add);
      edges = ErrorHistograms.edges(evaluator, actual, all);
    }

    List<String> users =
        SampleRecommendations.pickUsers(dataset.eval(), candidate.model(), sampleUsers);
    return new PromotionInsight(
        MetricDeltas.of(ours, theirs),
        GateChecks.parse(gateDecisionJson),
        LossSeries.of(candidate.manifest()),
        champion.map(c -> LossSeries.of(c.manifest())).orElse(List.of()),
        ErrorHistograms.of(actual, ourPredictions, edges),
        theirPredictions.map(p -> ErrorHistograms.of(actual, p, edges)),
        SampleRecommendations.build(users, candidate, champion, dataset, topK),
        implicit);
  }
}
