package io.recopipe.components.tuning;

import io.recopipe.model.data.CsrView;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.metrics.AveragePrecisionAtK;
import io.recopipe.model.metrics.AverageRank;
import io.recopipe.model.metrics.NdcgAtK;
import io.recopipe.model.metrics.RankingAccumulator;
import io.recopipe.model.metrics.RankingEvaluator;
import io.recopipe.model.metrics.RankingMetric;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.scoring.ItemScorer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The implicit-feedback objectives (Hu, Koren and Volinsky 2008 evaluate by held-out ranking): each
 * validation user ranks every item the model knows except those in the trial's training rows, and
 * the held-out items are the relevant ones.
 */
final class RankingObjective {
  private RankingObjective() {}

  static double score(TuningObjective objective, MfModel model, Ratings fit, Ratings validation) {
    RankingEvaluator evaluator = RankingEvaluator.atCutoff(TuningObjective.CUTOFF);
    RankingAccumulator accumulator = evaluator.accumulator();
    ItemScorer scorer = new ItemScorer(model);
    int items = model.items().size();
    float[] scores = new float[items];
    float[] scratch = new float[items];
    CsrView heldOut = validation.byUser();
    CsrView trained = fit.byUser();
    for (int v = 0; v < validation.users().size(); v++) {
      int user = model.users().indexOf(validation.users().id(v));
      int fitUser = fit.users().indexOf(validation.users().id(v));
      if (user < 0) {
        continue;
      }
      scorer.scoreAll(user, scores, scratch);
      boolean[] excluded = new boolean[items];
      if (fitUser >= 0) {
        for (int p = trained.start(fitUser); p < trained.end(fitUser); p++) {
          int item = model.items().indexOf(fit.items().id(trained.column(p)));
          if (item >= 0) {
            excluded[item] = true;
          }
        }
      }
      int[] relevant =
          IntStream.range(heldOut.start(v), heldOut.end(v))
              .map(p -> model.items().indexOf(validation.items().id(heldOut.column(p))))
              .filter(i -> i >= 0 && !excluded[i])
              .sorted()
              .distinct()
              .toArray();
      int[] ranking =
          IntStream.range(0, items)
              .filter(i -> !excluded[i])
              .boxed()
              .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparing(i -> i))
              .mapToInt(Integer::intValue)
              .toArray();
      accumulator.add(ranking, relevant);
    }
    return accumulator.finish().get(metricName(evaluator, objective));
  }

  private static String metricName(RankingEvaluator evaluator, TuningObjective objective) {
    Class<? extends RankingMetric> type =
        switch (objective) {
          case MEAN_AVERAGE_PRECISION -> AveragePrecisionAtK.class;
          case NORMALIZED_DISCOUNTED_CUMULATIVE_GAIN -> NdcgAtK.class;
          case AVERAGE_RANK -> AverageRank.class;
          case MEAN_SQUARED_ERROR -> throw new IllegalArgumentException("not a ranking objective");
        };
    return Arrays.stream(evaluator.metrics().toArray(RankingMetric[]::new))
        .filter(type::isInstance)
        .findFirst()
        .orElseThrow()
        .name();
  }
}
