package io.recopipe.pipeline.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.DatasetLayout;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.metrics.RegressionEvaluator;
import io.recopipe.model.mf.MfModel;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromotionInsightsTest {
  @TempDir static Path root;
  static Path dataset;
  static Path candidate;
  static Path champion;
  static PromotionInsight insight;

  @BeforeAll
  static void build() throws Exception {
    dataset = InsightFixtures.dataset(root.resolve("dataset"), 5);
    candidate = InsightFixtures.bundle(dataset, root.resolve("candidate"), 6, 2.0, 6);
    champion = InsightFixtures.bundle(dataset, root.resolve("champion"), 2, 20.0, 4);
    insight =
        PromotionInsights.build(candidate, Optional.of(champion), dataset, Optional.empty(), 3, 5);
  }

  @Test
  void metricDeltasAreCandidateMinusChampionAndMatchAnIndependentRmse() throws Exception {
    Map<String, MetricDelta> byName =
        insight.metrics().stream().collect(Collectors.toMap(MetricDelta::name, m -> m));
    assertEquals(RegressionEvaluator.metrics().size(), byName.size());
    for (MetricDelta metric : insight.metrics()) {
      assertEquals(
          metric.candidate() - metric.champion().getAsDouble(),
          metric.delta().getAsDouble(),
          1e-12,
          metric.name());
    }
    MetricDelta rmse = byName.get("root_mean_squared_error");
    assertEquals(rmse(candidate), rmse.candidate(), 1e-5);
    assertEquals(rmse(champion), rmse.champion().getAsDouble(), 1e-5);
    assertFalse(rmse.higherIsBetter());
    assertFalse(byName.get("mean_absolute_error").higherIsBetter());
    assertTrue(byName.get("r2_score").higherIsBetter());
    assertTrue(byName.get("explained_variance").higherIsBetter());
  }

  @Test
  void withoutChampionThereAreNoDeltasOrChampionData() throws Exception {
    PromotionInsight alone =
        PromotionInsights.build(candidate, Optional.empty(), dataset, Optional.empty(), 2, 3);
    assertTrue(alone.metrics().stream().allMatch(m -> m.delta().isEmpty()));
    assertTrue(alone.championErrors().isEmpty());
    assertTrue(alone.championLoss().isEmpty());
    assertTrue(alone.samples().stream().allMatch(s -> s.champion().isEmpty()));
    assertEquals(insight.metrics().get(0).candidate(), alone.metrics().get(0).candidate());
  }

  @Test
  void histogramsShareEdgesAndCountEveryEvalRating() throws Exception {
    int evalSize = InsightFixtures.split(dataset, DatasetLayout.EVAL).size();
    ErrorHistogram ours = insight.candidateErrors();
    ErrorHistogram theirs = insight.championErrors().orElseThrow();
    assertEquals(ours.edges(), theirs.edges());
    assertEquals(ErrorHistograms.BINS + 1, ours.edges().size());
    assertEquals(-4.0, ours.edges().get(0), 1e-12);
    assertEquals(4.0, ours.edges().get(ErrorHistograms.BINS), 1e-12);
    assertEquals(evalSize, ours.counts().stream().mapToLong(Long::longValue).sum());
    assertEquals(evalSize, theirs.counts().stream().mapToLong(Long::longValue).sum());
    assertEquals(rmse(candidate), ours.rmse(), 1e-5);
  }

  @Test
  void implicitModelsGetImplicitMetricsAndConfidenceErrors() throws Exception {
    Path implicit = InsightFixtures.implicitBundle(dataset, root.resolve("implicit"), 4);
    Path implicitChampion =
        InsightFixtures.implicitBundle(dataset, root.resolve("implicit-champion"), 2);
    PromotionInsight seen =
        PromotionInsights.build(
            implicit, Optional.of(implicitChampion), dataset, Optional.empty(), 2, 5);
    assertTrue(seen.implicit());
    assertEquals(
        List.of(
            "mean_average_precision",
            "mean_squared_error",
            "normalized_discounted_cumulative_gain",
            "average_rank"),
        seen.metrics().stream().map(MetricDelta::name).toList());
    MetricDelta map = seen.metrics().get(0);
    assertTrue(map.higherIsBetter());
    assertEquals(map.candidate() - map.champion().getAsDouble(), map.delta().getAsDouble(), 1e-12);
    assertFalse(seen.metrics().get(3).higherIsBetter(), "average_rank: lower is better");
    long positives = InsightFixtures.split(dataset, DatasetLayout.EVAL).size();
    assertEquals(
        positives,
        seen.candidateErrors().counts().stream().mapToLong(Long::longValue).sum(),
        "every held-out positive (threshold 0: every eval rating) is counted");
    assertEquals(-1.0, seen.candidateErrors().edges().get(0), 1e-12);
    assertFalse(insight.implicit());
  }

  @Test
  void lossSeriesComeFromTrainingInfo() {
    assertEquals(6, insight.candidateLoss().size());
    assertEquals(4, insight.championLoss().size());
    assertTrue(insight.candidateLoss().get(0).evalLoss().isPresent());
    assertEquals(0, insight.candidateLoss().get(0).iteration());
  }

  @Test
  void sampleUsersAreTheBusiestAndTheirListsSkipRatedItemsAndCarryTitles() throws Exception {
    Ratings train = InsightFixtures.split(dataset, DatasetLayout.TRAIN);
    Ratings eval = InsightFixtures.split(dataset, DatasetLayout.EVAL);
    assertEquals(3, insight.samples().size());
    int busiest =
        insight.samples().stream().mapToInt(s -> count(eval, s.userId())).min().orElseThrow();
    for (String user : eval.users().ids()) {
      boolean sampled = insight.samples().stream().anyMatch(s -> s.userId().equals(user));
      assertTrue(sampled || count(eval, user) <= busiest, user);
    }
    for (SampleUser sample : insight.samples()) {
      Set<String> rated = ratedBy(train, sample.userId());
      for (List<RecommendedItem> list : List.of(sample.candidate(), sample.champion())) {
        assertEquals(5, list.size());
        for (RecommendedItem item : list) {
          assertFalse(rated.contains(item.itemId()), item.itemId());
          assertTrue(
              item.title().equals("Film " + item.itemId() + " & Co (1995)")
                  || item.title().equals(item.itemId()),
              item.title());
        }
        for (int n = 1; n < list.size(); n++) {
          assertTrue(list.get(n - 1).score() >= list.get(n).score());
        }
      }
    }
    assertTrue(
        insight.samples().stream()
            .flatMap(s -> s.candidate().stream())
            .anyMatch(item -> item.title().startsWith("Film ")));
  }

  @Test
  void samplesAreDeterministic() throws Exception {
    PromotionInsight again =
        PromotionInsights.build(candidate, Optional.of(champion), dataset, Optional.empty(), 3, 5);
    assertEquals(insight.samples(), again.samples());
  }

  @Test
  void gateChecksAreReadFromTheDecision() throws Exception {
    String decision =
        """
        {"blessed": false, "first_run": false, "summary": "no",
         "checks": [
          {"name": "r2_floor", "metric": "r2_score", "value": 0.3, "threshold": 0.1,
           "passed": true, "detail": "r2 0.3 >= 0.1"},
          {"name": "rmse_regression", "metric": "root_mean_squared_error", "value": 0.2,
           "threshold": 0.01, "passed": false, "detail": "rmse rose by 0.2"},
          {"name": "rmse_regression_rel", "metric": "root_mean_squared_error", "value": null,
           "threshold": 0.02, "passed": null,
           "detail": "skipped: first run, no champion to compare with"}]}""";
    PromotionInsight withGate =
        PromotionInsights.build(
            candidate, Optional.of(champion), dataset, Optional.of(decision), 1, 1);
    assertEquals(
        List.of(
            new GateCheckRow("r2_floor", true, "r2 0.3 >= 0.1"),
            new GateCheckRow("rmse_regression", false, "rmse rose by 0.2"),
            new GateCheckRow(
                "rmse_regression_rel", true, "skipped: first run, no champion to compare with")),
        withGate.gateChecks());
  }

  private static double rmse(Path bundleDir) throws Exception {
    MfModel model = ModelBundle.load(bundleDir).model();
    Ratings train = InsightFixtures.split(dataset, DatasetLayout.TRAIN);
    Ratings eval = InsightFixtures.split(dataset, DatasetLayout.EVAL);
    float low = Float.MAX_VALUE;
    float high = -Float.MAX_VALUE;
    for (int r = 0; r < train.size(); r++) {
      low = Math.min(low, train.rating(r));
      high = Math.max(high, train.rating(r));
    }
    double squares = 0;
    for (int r = 0; r < eval.size(); r++) {
      float p = model.predict(eval.users().id(eval.user(r)), eval.items().id(eval.item(r)));
      double error = Math.min(high, Math.max(low, p)) - eval.rating(r);
      squares += error * error;
    }
    return Math.sqrt(squares / eval.size());
  }

  private static int count(Ratings ratings, String user) {
    int u = ratings.users().indexOf(user);
    return u < 0 ? 0 : ratings.byUser().count(u);
  }

  private static Set<String> ratedBy(Ratings ratings, String user) {
    Set<String> items = new HashSet<>();
    for (int r = 0; r < ratings.size(); r++) {
      if (ratings.users().id(ratings.user(r)).equals(user)) {
        items.add(ratings.items().id(ratings.item(r)));
      }
    }
    return items;
  }
}
