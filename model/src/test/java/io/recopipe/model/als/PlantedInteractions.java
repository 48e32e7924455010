package io.recopipe.model.als;

import io.recopipe.model.data.Ratings;
import io.recopipe.model.data.RatingsBuilder;
import java.util.SplittableRandom;

/**
 * A planted implicit pattern for tests: users and items fall into groups, users interact mostly
 * with their own group's items (rating 1..5 as the interaction strength) and rarely with others; a
 * fifth of the interactions are held out, so a model that learned the groups ranks them high.
 */
record PlantedInteractions(Ratings train, Ratings test) {
  static PlantedInteractions generate(int users, int items, int groups, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    RatingsBuilder train = new RatingsBuilder();
    RatingsBuilder test = new RatingsBuilder();
    for (int u = 0; u < users; u++) {
      for (int i = 0; i < items; i++) {
        boolean sameGroup = u % groups == i % groups;
        if (random.nextDouble() < (sameGroup ? 0.4 : 0.003)) {
          float strength = 1 + random.nextInt(5);
          (random.nextDouble() < 0.2 ? test : train).add("u" + u, "i" + i, strength, 0);
        }
      }
    }
    return new PlantedInteractions(train.build(), test.build());
  }
}
