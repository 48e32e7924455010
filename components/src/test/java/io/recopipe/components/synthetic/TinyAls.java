package io.recopipe.components.synthetic;

import io.recopipe.model.data.CsrView;
import io.recopipe.model.data.Ratings;
import java.util.SplittableRandom;

/**
 * A minimal explicit ALS (weighted-λ, mean-centred) used only to check that the generator's
 * planted structure is learnable; the real trainer lives elsewhere.
 */
final class TinyAls {
  final int rank;
  final double mean;
  final double[][] userFactors;
  final double[][] itemFactors;
  private final Ratings train;

  TinyAls(Ratings train, int rank, double lambda, int iterations) {
    this.train = train;
    this.rank = rank;
    this.mean = train.mean();
    SplittableRandom random = new SplittableRandom(1);
    userFactors = init(train.users().size(), random);
    itemFactors = init(train.items().size(), random);
    for (int it = 0; it < iterations; it++) {
      sweep(train.byUser(), userFactors, itemFactors, lambda);
      sweep(train.byItem(), itemFactors, userFactors, lambda);
    }
  }

  private double[][] init(int rows, SplittableRandom random) {
    double[][] factors = new double[rows][rank];
    for (double[] row : factors) {
      for (int f = 0; f < rank; f++) {
        row[f] = 0.1 * random.nextGaussian();
      }
    }
    return factors;
  }

  private void sweep(CsrView view, double[][] solve, double[][] fixed, double lambda) {
    double[][] a = new double[rank][rank];
    double[] b = new double[rank];
    for (int row = 0; row < view.rowCount(); row++) {
      for (int i = 0; i < rank; i++) {
        java.util.Arrays.fill(a[i], 0);
        a[i][i] = lambda * Math.max(1, view.count(row));
        b[i] = 0;
      }
      for (int n = view.start(row); n < view.end(row); n++) {
        double[] y = fixed[view.column(n)];
        double r = view.value(n) - mean;
        for (int i = 0; i < rank; i++) {
          b[i] += r * y[i];
          for (int j = 0; j <= i; j++) {
            a[i][j] += y[i] * y[j];
          }
        }
      }
      solve[row] = cholesky(a, b);
    }
  }

  private double[] cholesky(double[][] a, double[] b) {
    int k = rank;
    double[][] l = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = a[i][j];
        for (int m = 0; m < j; m++) {
          sum -= l[i][m] * l[j][m];
        }
        l[i][j] = i == j ? Math.sqrt(sum) : sum / l[j][j];
      }
    }
    double[] y = new double[k];
    for (int i = 0; i < k; i++) {
      double sum = b[i];
      for (int m = 0; m < i; m++) {
        sum -= l[i][m] * y[m];
      }
      y[i] = sum / l[i][i];
    }
    double[] x = new double[k];
    for (int i = k - 1; i >= 0; i--) {
      double sum = y[i];
      for (int m = i + 1; m < k; m++) {
        sum -= l[m][i] * x[m];
      }
      x[i] = sum / l[i][i];
    }
    return x;
  }

  /** RMSE on {@code test}, mapping ids through the train dictionaries (unknown ids get the mean). */
  double rmse(Ratings test) {
    double squared = 0;
    for (int n = 0; n < test.size(); n++) {
      int user = train.users().indexOf(test.users().id(test.user(n)));
      int item = train.items().indexOf(test.items().id(test.item(n)));
      double prediction = mean;
      if (user >= 0 && item >= 0) {
        for (int f = 0; f < rank; f++) {
          prediction += userFactors[user][f] * itemFactors[item][f];
        }
      }
      prediction = Math.max(1, Math.min(5, prediction));
      double error = test.rating(n) - prediction;
      squared += error * error;
    }
    return Math.sqrt(squared / test.size());
  }
}
