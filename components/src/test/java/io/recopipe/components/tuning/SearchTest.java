package io.recopipe.components.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SearchTest {
  private static final SearchSpace SPACE =
      new SearchSpace(
          new ParamRange(2, 64, false), new ParamRange(0.01, 10, true), Optional.empty(), 40);

  @Test
  void randomSearchIsSeededAndStaysInsideTheRanges() {
    List<Hyperparameters> points = RandomSearch.points(SPACE, 200, 7);
    assertEquals(points, RandomSearch.points(SPACE, 200, 7));
    assertNotEquals(points, RandomSearch.points(SPACE, 200, 8));
    for (Hyperparameters p : points) {
      assertTrue(p.numFactors() >= 2 && p.numFactors() <= 64, p.toString());
      assertTrue(p.l2Reg() >= 0.01 && p.l2Reg() <= 10, p.toString());
      assertEquals(40, p.walsAlpha());
    }
    assertTrue(points.stream().anyMatch(p -> p.numFactors() == 2));
    assertTrue(points.stream().anyMatch(p -> p.numFactors() == 64));
  }

  @Test
  void randomSearchDrawsL2RegLogUniformly() {
    List<Hyperparameters> points = RandomSearch.points(SPACE, 2000, 1);
    // log-uniform on [0.01, 10]: a third of the draws in each decade, so ~1/3 below 0.1
    long belowTenth = points.stream().filter(p -> p.l2Reg() < 0.1).count();
    assertTrue(belowTenth > 580 && belowTenth < 760, "draws below 0.1: " + belowTenth);
  }

  @Test
  void gridSearchIsAnEvenLogGridTruncatedAcrossTheWholeSpace() {
    List<Hyperparameters> nine = GridSearch.points(SPACE, 9);
    assertEquals(9, nine.size());
    assertEquals(
        new HashSet<>(List.of(2, 33, 64)),
        new HashSet<>(nine.stream().map(Hyperparameters::numFactors).toList()));
    assertEquals(0.01, nine.get(0).l2Reg(), 1e-12);
    assertEquals(Math.sqrt(0.1), nine.get(1).l2Reg(), 1e-9); // log midpoint of 0.01..10
    assertEquals(10, nine.get(2).l2Reg(), 1e-9);

    List<Hyperparameters> seven = GridSearch.points(SPACE, 7);
    assertEquals(seven, GridSearch.points(SPACE, 7));
    assertEquals(7, seven.size());
    assertEquals(2, seven.get(0).numFactors());
    assertEquals(64, seven.get(seven.size() - 1).numFactors(), "truncation keeps the far end");
  }

  @Test
  void gridSearchCoversWalsAlphaForImplicitFeedback() {
    SearchSpace implicit =
        new SearchSpace(
            new ParamRange(2, 64, false),
            new ParamRange(0.01, 10, true),
            Optional.of(new ParamRange(1, 100, false)),
            40);
    List<Hyperparameters> points = GridSearch.points(implicit, 27);
    assertEquals(27, points.size());
    assertEquals(
        new HashSet<>(List.of(1.0, 50.5, 100.0)),
        new HashSet<>(points.stream().map(Hyperparameters::walsAlpha).toList()));
  }
}
