package io.recopipe.components.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.recopipe.components.synthetic.Preset;
import io.recopipe.components.synthetic.SyntheticGenerator;
import io.recopipe.model.data.Ratings;
import org.junit.jupiter.api.Test;

/** A split started before the sort gives exactly the split of the sorted ratings. */
class SplitsTest {
  private static final Ratings SORTED =
      DeterministicOrder.sort(
          SyntheticGenerator.generate(Preset.fromName("ml-100k"), 11).ratings());

  @Test
  void randomSplitDrawnDuringTheSortIsTheSame() {
    SplitSpec spec = new SplitSpec(SplitSpec.RANDOM, 0.2, 5, 1);
    Splits.Membership early = Splits.begin(SORTED.size(), spec).apply(SORTED);
    Splits.Membership late = Splits.split(SORTED, spec);
    assertArrayEquals(late.isEval(), early.isEval());
    assertEquals(20_000, early.evalRows());
  }

  @Test
  void latestSplitWaitsForTheSortedRatings() {
    SplitSpec spec = new SplitSpec(SplitSpec.LATEST, 0.1, 42, 2);
    assertArrayEquals(
        Splits.split(SORTED, spec).isEval(),
        Splits.begin(SORTED.size(), spec).apply(SORTED).isEval());
  }

  @Test
  void refusesRatingsOfAnotherSize() {
    SplitSpec spec = new SplitSpec(SplitSpec.RANDOM, 0.1, 42, 1);
    assertThrows(
        IllegalArgumentException.class, () -> Splits.begin(SORTED.size() + 1, spec).apply(SORTED));
  }
}
