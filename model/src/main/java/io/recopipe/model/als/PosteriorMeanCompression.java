package io.recopipe.model.als;

/**
 * Compresses a {@link TrainingMethod#GIBBS} fit to at most {@link #MAX_EXPORTED_FACTORS} factors:
 * the posterior-predictive mean of Bayesian MF (Salakhutdinov &amp; Mnih 2008) over S samples is
 * U_cat V_catᵀ with the S samples' factor blocks side by side (each scaled by 1/√S, see {@link
 * PackedAverage}), S·k factors wide, so serving pays S times a single sample's scoring cost. Its
 * best rank-r approximation over all user × item pairs in the Frobenius norm is its truncated SVD
 * (Eckart &amp; Young 1936), computed without forming the users × items matrix: thin QR of both
 * sides (U_cat = Q_u R_u, V_cat = Q_v R_v), SVD of the small R_u R_vᵀ = A Σ Bᵀ, then U' = Q_u A_r
 * Σ_r^½ and V' = Q_v B_r Σ_r^½. Intercepts are unchanged; the factor count is always min(S·k, 64)
 * (a rank-deficient mean gets negligible extra factors), so it is known before the fit.
 */
final class PosteriorMeanCompression {
  /** The most factors a Bayesian fit exports. */
  static final int MAX_EXPORTED_FACTORS = 64;

  private PosteriorMeanCompression() {}

  /**
   * The compressed sides and the singular values of the uncompressed mean (all of them, so the
   * dropped tail can be reported: its root sum of squares is the Frobenius error).
   */
  record Result(FactorSide users, FactorSide items, double[] singularValues) {}

  /** The factor count a Gibbs fit of {@code sampledFactors} packed factors exports. */
  static int exportedFactors(int sampledFactors) {
    return Math.min(sampledFactors, MAX_EXPORTED_FACTORS);
  }

  /** Compresses the packed sides to {@link #exportedFactors} of their width. */
  static Result compress(FactorSide users, FactorSide items) {
    return compress(users, items, exportedFactors(users.k));
  }

  /** Compresses the packed sides to {@code rank} factors (at most their width). */
  static Result compress(FactorSide users, FactorSide items, int rank) {
    if (users.k != items.k || rank < 1 || rank > users.k) {
      throw new IllegalArgumentException(
          "cannot compress " + users.k + " x " + items.k + " factors to rank " + rank);
    }
    HouseholderQr userQr = new HouseholderQr(columns(users), users.rows);
    HouseholderQr itemQr = new HouseholderQr(columns(items), items.rows);
    double[][] ru = userQr.r();
    double[][] rv = itemQr.r();
    // Columns of M = R_u R_vᵀ (R_u's rank rows, R_v's rank columns).
    double[][] m = new double[rv.length][ru.length];
    for (int j = 0; j < rv.length; j++) {
      for (int i = 0; i < ru.length; i++) {
        double sum = 0;
        for (int f = 0; f < users.k; f++) {
          sum += ru[i][f] * rv[j][f];
        }
        m[j][i] = sum;
      }
    }
    JacobiSvd svd = JacobiSvd.of(m, ru.length);
    int kept = Math.min(rank, svd.values().length);
    double[][] a = new double[kept][];
    double[][] b = new double[kept][];
    for (int f = 0; f < kept; f++) {
      double root = Math.sqrt(svd.values()[f]);
      a[f] = scaled(svd.left()[f], root);
      b[f] = scaled(svd.right()[f], root);
    }
    return new Result(
        side(users, userQr.applyQ(a), rank), side(items, itemQr.applyQ(b), rank), svd.values());
  }

  private static double[][] columns(FactorSide side) {
    double[][] columns = new double[side.k][side.rows];
    for (int row = 0; row < side.rows; row++) {
      int base = row * side.k;
      for (int f = 0; f < side.k; f++) {
        columns[f][row] = side.factors[base + f];
      }
    }
    return columns;
  }

  private static double[] scaled(double[] vector, double by) {
    double[] out = new double[vector.length];
    for (int i = 0; i < vector.length; i++) {
      out[i] = vector[i] * by;
    }
    return out;
  }

  private static FactorSide side(FactorSide packed, double[][] columns, int rank) {
    FactorSide out = new FactorSide(packed.rows, rank);
    for (int f = 0; f < columns.length; f++) {
      for (int row = 0; row < packed.rows; row++) {
        out.factors[row * rank + f] = (float) columns[f][row];
      }
    }
    System.arraycopy(packed.intercepts, 0, out.intercepts, 0, packed.rows);
    return out;
  }
}
