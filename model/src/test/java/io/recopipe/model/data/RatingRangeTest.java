package io.recopipe.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.metrics.RegressionEvaluator;
import org.junit.jupiter.api.Test;

class RatingRangeTest {
  @Test
  void isTheLowestAndHighestRatingFound() {
    Ratings ratings =
        new RatingsBuilder()
            .add("a", "x", 0.5f, 0)
            .add("a", "y", 5f, 0)
            .add("b", "x", 3.5f, 0)
            .build();
    assertEquals(new RatingRange(0.5f, 5f), RatingRange.of(ratings));
    assertThrows(
        IllegalArgumentException.class, () -> RatingRange.of(new RatingsBuilder().build()));
  }

  @Test
  void clampsIntoTheRangeAndKeepsNaNVisible() {
    RatingRange range = new RatingRange(0, 100);
    assertEquals(100f, range.clamp(117.3f));
    assertEquals(0f, range.clamp(-2f));
    assertEquals(42.5f, range.clamp(42.5f));
    assertTrue(Float.isNaN(range.clamp(Float.NaN)));
  }

  @Test
  void refusesBoundsThatAreNoRange() {
    assertThrows(IllegalArgumentException.class, () -> new RatingRange(5, 1));
    assertThrows(IllegalArgumentException.class, () -> new RatingRange(Float.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> new RatingRange(1, Float.POSITIVE_INFINITY));
  }

  @Test
  void printsShortestDecimals() {
    assertEquals(0.1, RatingRange.decimal(0.1f));
    assertEquals(0.1f, (float) RatingRange.decimal(0.1f));
    assertEquals("[0.5, 5.0]", new RatingRange(0.5f, 5f).toString());
  }

  @Test
  void anEvaluatorForARangeClipsToIt() {
    RegressionEvaluator evaluator = RegressionEvaluator.forRange(new RatingRange(0, 100));
    assertEquals(0f, evaluator.clipMin());
    assertEquals(100f, evaluator.clipMax());
    float[] actual = {100f, 0f};
    float[] predicted = {130f, 10f};
    assertEquals(1, evaluator.evaluate(actual, predicted, 2).clippedRows());
    assertEquals(
        Math.sqrt(50.0),
        evaluator.evaluate(actual, predicted, 2).get("root_mean_squared_error"),
        1e-9);
  }
}
