package io.recopipe.components.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.recopipe.model.data.Ratings;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomSplitTest {
  private final Ratings ratings =
      SyntheticGenerator.generate(SyntheticSpec.custom(100, 80, 5_001), 11).ratings();

  @Test
  void holdsOutTheRoundedFractionAndPartitionsTheRows() {
    TrainTestSplit split = RandomSplit.split(ratings, 0.2, 3);
    assertEquals(1_000, split.test().size());
    assertEquals(4_001, split.train().size());
    Set<String> all = keys(ratings);
    Set<String> train = keys(split.train());
    Set<String> test = keys(split.test());
    assertEquals(4_001, train.size());
    test.forEach(key -> assertEquals(false, train.contains(key), "test row also in train"));
    train.addAll(test);
    assertEquals(all, train);
  }

  @Test
  void isDeterministicBySeed() {
    String test = RandomSplit.split(ratings, 0.1, 5).test().fingerprint();
    assertEquals(test, RandomSplit.split(ratings, 0.1, 5).test().fingerprint());
    assertNotEquals(test, RandomSplit.split(ratings, 0.1, 6).test().fingerprint());
  }

  @Test
  void rejectsFractionsOutsideTheOpenUnitInterval() {
    assertThrows(IllegalArgumentException.class, () -> RandomSplit.split(ratings, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> RandomSplit.split(ratings, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> RandomSplit.split(ratings, Double.NaN, 1));
  }

  private static Set<String> keys(Ratings ratings) {
    Set<String> keys = new HashSet<>();
    for (int n = 0; n < ratings.size(); n++) {
      keys.add(
          ratings.users().id(ratings.user(n))
              + "/"
              + ratings.items().id(ratings.item(n))
              + "/"
              + ratings.rating(n)
              + "/"
              + ratings.timestamp(n));
    }
    return keys;
  }
}
