package io.recopipe.model.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass statistics against plain two-pass formulas on random data. */
class ResidualSummaryTest {

  @Test
  void onePassStatisticsMatchTwoPassFormulas() {
    Random random = new Random(7);
    int n = 10_001;
    float[] actual = new float[n];
    float[] predicted = new float[n];
    for (int r = 0; r < n; r++) {
      actual[r] = 1 + random.nextInt(5);
      predicted[r] = (float) (3.5 + random.nextGaussian());
    }
    ResidualSummary summary = ResidualSummary.of(actual, predicted, n);

    double meanActual = 0;
    double meanResidual = 0;
    double[] absolute = new double[n];
    for (int r = 0; r < n; r++) {
      meanActual += actual[r];
      meanResidual += (double) actual[r] - predicted[r];
      absolute[r] = Math.abs((double) actual[r] - predicted[r]);
    }
    meanActual /= n;
    meanResidual /= n;
    double totalSquares = 0;
    double centredResidualSquares = 0;
    double residualSquares = 0;
    for (int r = 0; r < n; r++) {
      double e = (double) actual[r] - predicted[r];
      totalSquares += Math.pow(actual[r] - meanActual, 2);
      centredResidualSquares += Math.pow(e - meanResidual, 2);
      residualSquares += e * e;
    }
    Arrays.sort(absolute);

    assertEquals(n, summary.count());
    assertEquals(totalSquares, summary.totalSumOfSquares(), 1e-9 * totalSquares);
    assertEquals(
        centredResidualSquares,
        summary.centredResidualSumOfSquares(),
        1e-9 * centredResidualSquares);
    assertEquals(residualSquares, summary.residualSumOfSquares(), 1e-9 * residualSquares);
    assertEquals(absolute[n / 2], summary.medianAbsoluteError()); // odd n: the exact middle value
  }
}
