package io.recopipe.components.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.recopipe.model.data.Ratings;
import io.recopipe.model.data.RatingsBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeterministicOrderTest {
  @Test
  void sortsGroupedAndScatteredRowsAsAStableSortByUserThenItem() {
    SplittableRandom random = new SplittableRandom(3);
    List<String[]> rows = new ArrayList<>();
    for (int user = 0; user < 40; user++) {
      for (int item = 0; item < 25; item++) {
        if (random.nextInt(3) == 0) {
          rows.add(
              new String[] {
                Integer.toString(user * 7 % 40),
                Integer.toString(item * 11 % 25 + 1),
                Integer.toString(rows.size())
              });
        }
      }
    }
    assertSorted(rows); // grouped by user, items scattered within each user
    Collections.shuffle(rows, new Random(9));
    assertSorted(rows); // nothing grouped
    rows.add(new String[] {"u-text", "10", "1"});
    assertSorted(rows); // textual order once an id is not an integer
  }

  @Test
  void sortsUsersAcrossParallelBlocksIncludingARunLongerThanABlock() {
    SplittableRandom random = new SplittableRandom(5);
    List<String[]> rows = new ArrayList<>();
    for (int item = 0; item < 90_000; item++) { // one user's run spans more than a block
      rows.add(
          new String[] {"500", Integer.toString(89_999 - item), Integer.toString(rows.size())});
    }
    for (int user = 0; user < 1_000; user++) {
      for (int count = 0; count < 150; count++) {
        rows.add(
            new String[] {
              Integer.toString(user),
              Integer.toString(random.nextInt(1_000_000)),
              Integer.toString(rows.size())
            });
      }
    }
    List<String[]> distinct = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String[] row : rows) {
      if (seen.add(row[0] + "/" + row[1])) {
        distinct.add(row);
      }
    }
    assertSorted(distinct);
  }

  private static void assertSorted(List<String[]> rows) {
    RatingsBuilder builder = new RatingsBuilder();
    for (String[] row : rows) {
      builder.add(row[0], row[1], 1f, Long.parseLong(row[2]));
    }
    Ratings sorted = DeterministicOrder.sort(builder.build());
    Comparator<String> users = IdOrder.forIds(rows.stream().map(r -> r[0]).toList());
    Comparator<String> items = IdOrder.forIds(rows.stream().map(r -> r[1]).toList());
    List<String[]> expected = new ArrayList<>(rows);
    expected.sort(
        Comparator.<String[], String>comparing(r -> r[0], users).thenComparing(r -> r[1], items));
    List<String> actual = new ArrayList<>();
    for (int n = 0; n < sorted.size(); n++) {
      actual.add(
          sorted.users().id(sorted.user(n))
              + "/"
              + sorted.items().id(sorted.item(n))
              + "/"
              + sorted.timestamp(n));
    }
    assertEquals(expected.stream().map(r -> r[0] + "/" + r[1] + "/" + r[2]).toList(), actual);
  }
}
