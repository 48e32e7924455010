package io.recopipe.model.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.AlsTrainer;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.data.RatingsBuilder;
import io.recopipe.model.mf.MfModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A synthetic set whose metadata is informative (gender × genre and occupation shift ratings):
 * users 0..239 train MF and the hybrid, users 240..299 are never seen (cold start).
 */
class HybridColdStartTest {
  private static final String[] GENRES = {"Action", "Romance", "Comedy"};
  private static final String[] OCCUPATIONS = {"artist", "engineer", "lawyer"};

  private final Map<String, UserProfile> users = new HashMap<>();
  private final Map<String, ItemProfile> items = new HashMap<>();
  private final RatingsBuilder train = new RatingsBuilder();
  private final List<Object[]> coldRows = new ArrayList<>();

  HybridColdStartTest() {
    SplittableRandom random = new SplittableRandom(11);
    double[] itemBias = new double[200];
    for (int i = 0; i < 200; i++) {
      itemBias[i] = 0.3 * random.nextGaussian();
      items.put("i" + i, new ItemProfile(List.of(GENRES[i % 3]), 1980 + i % 20));
    }
    for (int u = 0; u < 300; u++) {
      String gender = random.nextBoolean() ? "M" : "F";
      int occupation = random.nextInt(3);
      users.put(
          "u" + u,
          new UserProfile(
              gender,
              18 + random.nextInt(40),
              OCCUPATIONS[occupation],
              Integer.toString(random.nextInt(10))));
      double userBias = 0.2 * random.nextGaussian() + 0.4 * (occupation - 1);
      for (int n = 0; n < 40; n++) {
        int i = random.nextInt(200);
        double taste =
            switch (GENRES[i % 3]) {
              case "Action" -> gender.equals("M") ? 0.8 : -0.6;
              case "Romance" -> gender.equals("F") ? 0.8 : -0.6;
              default -> 0.0;
            };
        float rating =
            (float)
                Math.max(
                    1,
                    Math.min(
                        5, 3.2 + itemBias[i] + userBias + taste + 0.3 * random.nextGaussian()));
        if (u < 240) {
          train.add("u" + u, "i" + i, rating, 0);
        } else {
          coldRows.add(new Object[] {"u" + u, "i" + i, rating});
        }
      }
    }
  }

  @Test
  void hybridBeatsInterceptOnlyOnColdStartUsersByAClearMargin() {
    Ratings ratings = train.build();
    MfModel mf =
        new AlsTrainer(
                AlsOptions.fromMap(
                    Map.of("num_factors", "4", "max_iterations", "8", "l2_reg", "1.0")))
            .fit(ratings)
            .model();
    HybridModel hybrid =
        new HybridTrainer(HybridOptions.defaults()).fit(mf, ratings, new Metadata(users, items));
    double hybridSse = 0;
    double fallbackSse = 0;
    for (Object[] row : coldRows) {
      String user = (String) row[0];
      String item = (String) row[1];
      float actual = (float) row[2];
      assertEquals(-1, mf.users().indexOf(user), "cold users are unknown to MF");
      double predicted = hybrid.predict(user, item, users.get(user), items.get(item), false);
      hybridSse += (predicted - actual) * (predicted - actual);
      double fallback = mf.predict(user, item);
      fallbackSse += (fallback - actual) * (fallback - actual);
    }
    double hybridRmse = Math.sqrt(hybridSse / coldRows.size());
    double fallbackRmse = Math.sqrt(fallbackSse / coldRows.size());
    assertTrue(
        hybridRmse < 0.8 * fallbackRmse,
        "hybrid cold RMSE " + hybridRmse + " vs intercept-only " + fallbackRmse);
  }

  @Test
  void sameInputsGiveBitIdenticalWeights() {
    Ratings ratings = train.build();
    MfModel mf =
        new AlsTrainer(AlsOptions.fromMap(Map.of("num_factors", "4", "max_iterations", "3")))
            .fit(ratings)
            .model();
    Metadata metadata = new Metadata(users, items);
    HybridModel a = new HybridTrainer(HybridOptions.defaults()).fit(mf, ratings, metadata);
    HybridModel b = new HybridTrainer(HybridOptions.defaults()).fit(mf, ratings, metadata);
    assertEquals(
        List.of(a.warm().intercept(), a.cold().intercept()),
        List.of(b.warm().intercept(), b.cold().intercept()));
    assertTrue(java.util.Arrays.equals(a.cold().weights(), b.cold().weights()));
  }
}
