package io.recopipe.components.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.data.Ratings;
import io.recopipe.model.data.RatingsBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatingHistogramTest {
  @Test
  void countsEachStarAndMeasuresTheLargestShareDifference() {
    RatingHistogram old = RatingHistogram.of(List.of(ratings(1, 1, 2, 5)));
    RatingHistogram fresh = RatingHistogram.of(List.of(ratings(1, 2, 2, 5)));
    assertFalse(old.binned());
    assertEquals(
        List.of(
            new RatingHistogram.Bucket(1, 1, 2),
            new RatingHistogram.Bucket(2, 2, 1),
            new RatingHistogram.Bucket(5, 5, 1)),
        old.buckets());
    assertEquals(0.25, old.distance(fresh).getAsDouble(), 1e-12);
    assertEquals(0.0, old.distance(old).getAsDouble(), 0);
  }

  @Test
  void disjointRatingScalesDifferByEachBucketsWholeShare() {
    RatingHistogram stars = RatingHistogram.of(List.of(ratings(1, 2, 3)));
    RatingHistogram tens = RatingHistogram.of(List.of(ratings(10, 20, 30)));
    assertEquals(1.0 / 3, stars.distance(tens).getAsDouble(), 1e-12);
  }

  @Test
  void continuousRatingsAreBinnedAndComparableOnlyOverTheSameRange() {
    float[] many = new float[500];
    for (int n = 0; n < many.length; n++) {
      many[n] = n * 0.01f;
    }
    RatingHistogram binned = RatingHistogram.of(List.of(ratings(many)));
    assertTrue(binned.binned());
    assertEquals(RatingHistogram.BINS, binned.buckets().size());
    assertEquals(500, binned.buckets().stream().mapToLong(RatingHistogram.Bucket::count).sum());
    assertEquals(0.0, binned.distance(binned).getAsDouble(), 0);
    assertTrue(binned.distance(RatingHistogram.of(List.of(ratings(1, 2)))).isEmpty());
  }

  @Test
  void roundTripsThroughJson() {
    RatingHistogram histogram = RatingHistogram.of(List.of(ratings(0.5f, 1.5f, 1.5f, 4)));
    assertEquals(histogram, RatingHistogram.fromJson(histogram.toJson()));
  }

  static Ratings ratings(float... values) {
    RatingsBuilder builder = new RatingsBuilder();
    for (int n = 0; n < values.length; n++) {
      builder.add("u" + n, "i" + n, values[n], 0);
    }
    return builder.build();
  }
}
