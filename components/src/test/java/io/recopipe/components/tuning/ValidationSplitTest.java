package io.recopipe.components.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.data.Ratings;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidationSplitTest {
  @Test
  void holdsOutTheFractionFromTrainOnlyWithEveryUserAndItemKeptInFit() {
    Ratings train = PlantedData.generate(120, 80, 0.2, 0.5, 3);
    ValidationSplit split = ValidationSplit.of(train, 0.1, 42);
    assertEquals(train.size(), split.fit().size() + split.validation().size());
    assertEquals(Math.round(0.1 * train.size()), split.validation().size());
    Set<String> trainRows = rows(train);
    Set<String> fitRows = rows(split.fit());
    for (String row : rows(split.validation())) {
      assertTrue(trainRows.contains(row), "validation row not from train: " + row);
      assertTrue(!fitRows.contains(row), "row both fitted and validated: " + row);
    }
    for (int r = 0; r < split.validation().size(); r++) {
      assertTrue(
          split.fit().users().indexOf(split.validation().users().id(split.validation().user(r)))
              >= 0);
      assertTrue(
          split.fit().items().indexOf(split.validation().items().id(split.validation().item(r)))
              >= 0);
    }
  }

  @Test
  void isSeeded() {
    Ratings train = PlantedData.generate(60, 40, 0.3, 0.5, 3);
    assertEquals(
        rows(ValidationSplit.of(train, 0.2, 1).validation()),
        rows(ValidationSplit.of(train, 0.2, 1).validation()));
    assertTrue(
        !rows(ValidationSplit.of(train, 0.2, 1).validation())
            .equals(rows(ValidationSplit.of(train, 0.2, 2).validation())));
  }

  static Set<String> rows(Ratings ratings) {
    Set<String> rows = new HashSet<>();
    for (int r = 0; r < ratings.size(); r++) {
      rows.add(
          ratings.users().id(ratings.user(r))
              + "|"
              + ratings.items().id(ratings.item(r))
              + "|"
              + ratings.rating(r));
    }
    return rows;
  }
}
