package io.recopipe.model.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.mf.MfModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureEncoderTest {
  private final MfModel mf =
      new MfModel(
          IdDictionary.of(List.of("u1")),
          IdDictionary.of(List.of("i1")),
          2,
          3.5f,
          new float[] {1, 2},
          new float[] {0.25f},
          new float[] {0.5f, -1},
          new float[] {0.125f});
  private final FeatureEncoder encoder =
      new FeatureEncoder(2, List.of("doctor", "writer"), List.of("Comedy", "Drama"));

  private double feature(double[] x, String name) {
    return x[encoder.names().indexOf(name)];
  }

  @Test
  void namesMatchTheDimension() {
    assertEquals(encoder.dimension(), encoder.names().size());
  }

  @Test
  void unknownCategoriesGoToTheOtherSlots() {
    double[] x = new double[encoder.dimension()];
    encoder.encode(
        x,
        mf,
        0,
        0,
        new UserProfile("X", 33, "astronaut", "K1A"),
        new ItemProfile(List.of("Drama", "Western"), 0));
    assertEquals(1, feature(x, "gender_other"));
    assertEquals(1, feature(x, "age_from_25"));
    assertEquals(1, feature(x, "occupation_other"));
    assertEquals(0, feature(x, "occupation_doctor"));
    assertEquals(1, feature(x, "zip_other"));
    assertEquals(1, feature(x, "genre_Drama"));
    assertEquals(1, feature(x, "genre_other"));
    assertEquals(1, feature(x, "year_unknown"));
    assertEquals(1, feature(x, "gender_other_x_genre_other"));
    assertEquals(1, feature(x, "age_from_25_x_genre_Drama"));
    assertEquals(11, sum(x), "4 user fields, 2 genres, year unknown, 2 × 2 crosses");
  }

  @Test
  void missingProfilesAreUnknownEverywhere() {
    double[] x = new double[encoder.dimension()];
    encoder.encode(x, mf, 0, 0, null, null);
    assertEquals(1, feature(x, "gender_other"));
    assertEquals(1, feature(x, "age_unknown"));
    assertEquals(1, feature(x, "zip_other"));
    assertEquals(1, feature(x, "year_unknown"));
    assertEquals(5, sum(x));
  }

  @Test
  void knownUserOffsetIsMfPredictionAndColdUserGetsTheFallbackAndItemFactors() {
    double[] x = new double[encoder.dimension()];
    double warm = encoder.encode(x, mf, 0, 0, null, new ItemProfile(List.of(), 1995));
    assertEquals(mf.predict(0, 0), warm, 1e-6);
    assertEquals(0, feature(x, "item_factor_0"), "MF already fitted item factors for known users");
    assertEquals(0.5, feature(x, "year_decades_from_1990"), 1e-12);
    double cold = encoder.encode(x, mf, -1, 0, new UserProfile("F", 1, "writer", "02139"), null);
    assertEquals(3.5 + 0.125, cold, 1e-6);
    assertEquals(0.5, feature(x, "item_factor_0"), 1e-6);
    assertEquals(-1, feature(x, "item_factor_1"), 1e-6);
    assertEquals(1, feature(x, "age_from_0"));
    assertEquals(1, feature(x, "zip_0"));
    assertEquals(1, feature(x, "occupation_writer"));
  }

  private static double sum(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s;
  }
}
