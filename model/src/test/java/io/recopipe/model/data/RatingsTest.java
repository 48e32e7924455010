package io.recopipe.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RatingsTest {

  @Test
  void duplicatesKeepTheLatestTimestampAndAreCounted() {
    RatingsBuilder builder = new RatingsBuilder();
    builder.add("a", "x", 1, 100);
    builder.add("a", "x", 4, 300); // latest: kept
    builder.add("a", "x", 2, 200);
    builder.add("b", "x", 3, 50);
    builder.add("b", "y", 5, 10);
    builder.add("b", "y", 1, 10); // tie: the later row wins
    Ratings ratings = builder.build();
    assertEquals(3, builder.duplicatesResolved());
    assertEquals(3, ratings.size());
    CsrView byUser = ratings.byUser();
    int a = ratings.users().indexOf("a");
    assertEquals(1, byUser.count(a));
    assertEquals(4f, byUser.value(byUser.start(a)));
    int b = ratings.users().indexOf("b");
    int y = ratings.items().indexOf("y");
    assertTrue(byUser.contains(b, y));
    assertEquals(1f, byUser.value(byUser.start(b) + 1));
  }

  @Test
  void compressedViewsGroupRowsWithSortedColumns() {
    RatingsBuilder builder = new RatingsBuilder();
    builder.add("u1", "i3", 3, 0).add("u2", "i1", 1, 0).add("u1", "i1", 5, 0).add("u1", "i2", 2, 0);
    Ratings ratings = builder.build();
    CsrView byItem = ratings.byItem();
    int i1 = ratings.items().indexOf("i1");
    assertEquals(2, byItem.count(i1));
    assertTrue(byItem.column(byItem.start(i1)) < byItem.column(byItem.start(i1) + 1));
    CsrView byUser = ratings.byUser();
    int u1 = ratings.users().indexOf("u1");
    assertEquals(3, byUser.count(u1));
    for (int e = byUser.start(u1) + 1; e < byUser.end(u1); e++) {
      assertTrue(byUser.column(e - 1) < byUser.column(e));
    }
    assertEquals(11 / 4.0, ratings.mean(), 1e-9);
  }

  @Test
  void fingerprintDependsOnTheDataOnly() {
    Ratings a = new RatingsBuilder().add("u", "i", 3, 1).build();
    Ratings b = new RatingsBuilder().add("u", "i", 3, 999).build();
    Ratings c = new RatingsBuilder().add("u", "i", 4, 1).build();
    assertEquals(a.fingerprint(), b.fingerprint());
    assertNotEquals(a.fingerprint(), c.fingerprint());
    assertTrue(a.fingerprint().startsWith("sha256:"));
  }

  @Test
  void selectKeepsOnlyTheIdsItUses() {
    Ratings all =
        new RatingsBuilder()
            .add("u1", "i1", 1, 0)
            .add("u2", "i2", 2, 0)
            .add("u1", "i3", 3, 0)
            .build();
    Ratings picked = all.select(new int[] {0, 2});
    assertEquals(2, picked.size());
    assertEquals(1, picked.users().size());
    assertEquals(2, picked.items().size());
    assertEquals(-1, picked.items().indexOf("i2"));
    assertEquals(3f, picked.rating(1));
  }
}
