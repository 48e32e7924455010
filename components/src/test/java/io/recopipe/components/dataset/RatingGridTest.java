package io.recopipe.components.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.recopipe.model.data.Ratings;
import io.recopipe.model.data.RatingsBuilder;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RatingGridTest {
  private static Ratings of(double... ratings) {
    RatingsBuilder builder = new RatingsBuilder();
    for (int n = 0; n < ratings.length; n++) {
      builder.add("u", "i" + n, (float) ratings[n], 0);
    }
    return builder.build();
  }

  @Test
  void findsTheGridOfStarsAndScores() {
    assertEquals(OptionalDouble.of(1), RatingGrid.step(of(1, 2, 3, 5)));
    assertEquals(OptionalDouble.of(0.5), RatingGrid.step(of(0.5, 5, 3.5, 2.5)));
    assertEquals(OptionalDouble.of(10), RatingGrid.step(of(0, 10, 50, 100)));
    assertEquals(OptionalDouble.of(0.25), RatingGrid.step(of(-1, -0.75, 0.5)));
    assertEquals(OptionalDouble.of(0.1), RatingGrid.step(of(0.1, 0.2, 0.7, 1.0)));
  }

  @Test
  void continuousOrConstantRatingsHaveNone() {
    assertEquals(OptionalDouble.empty(), RatingGrid.step(of(3.1415, 97.12, 12.5)));
    assertEquals(OptionalDouble.empty(), RatingGrid.step(of(1e-7, 1)));
    assertEquals(OptionalDouble.empty(), RatingGrid.step(of(1, 1, 1)));
  }
}
