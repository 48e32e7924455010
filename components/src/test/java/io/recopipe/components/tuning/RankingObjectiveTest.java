package io.recopipe.components.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.data.RatingsBuilder;
import io.recopipe.model.mf.MfModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The implicit objectives rank held-out items among all items the user has not trained on. */
class RankingObjectiveTest {
  // items i0..i3 score 4, 3, 2, 1 (item intercepts); one user, one factor set to zero
  private final MfModel model =
      new MfModel(
          IdDictionary.of(List.of("u")),
          IdDictionary.of(List.of("i0", "i1", "i2", "i3")),
          1,
          0f,
          new float[] {0f},
          new float[] {0f},
          new float[] {0f, 0f, 0f, 0f},
          new float[] {4f, 3f, 2f, 1f});

  private static Ratings ratings(String... items) {
    RatingsBuilder builder = new RatingsBuilder();
    for (String item : items) {
      builder.add("u", item, 1f, 0);
    }
    return builder.build();
  }

  @Test
  void aHeldOutItemRankedFirstOnceTrainedItemsAreExcludedIsPerfect() {
    Ratings fit = ratings("i0");
    Ratings validation = ratings("i1");
    assertEquals(
        1.0,
        ObjectiveScorer.score(TuningObjective.MEAN_AVERAGE_PRECISION, model, fit, validation),
        1e-12);
    assertEquals(
        1.0,
        ObjectiveScorer.score(
            TuningObjective.NORMALIZED_DISCOUNTED_CUMULATIVE_GAIN, model, fit, validation),
        1e-12);
  }

  @Test
  void aHeldOutItemRankedLastScoresWorse() {
    Ratings fit = ratings("i0");
    double first = ObjectiveScorer.score(TuningObjective.AVERAGE_RANK, model, fit, ratings("i1"));
    double last = ObjectiveScorer.score(TuningObjective.AVERAGE_RANK, model, fit, ratings("i3"));
    assertTrue(last > first, first + " vs " + last);
    assertTrue(
        ObjectiveScorer.score(TuningObjective.MEAN_AVERAGE_PRECISION, model, fit, ratings("i3"))
            < 1.0);
  }
}
