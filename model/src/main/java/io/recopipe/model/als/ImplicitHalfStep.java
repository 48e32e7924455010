package io.recopipe.model.als;

/**
 * One half of an implicit ALS iteration (Hu, Koren &amp; Volinsky 2008): computes the fixed side's
 * Gram matrix once, then re-solves every row of the other side. The item half-step also sums the
 * WALS loss over all user×item pairs, {@code Σ c (p − xᵀy)²}, in O(nnz·k + items·k²) rather than
 * O(users·items): unobserved pairs contribute {@code yᵀ(XᵀX)y}, observed ones a correction.
 */
final class ImplicitHalfStep {
  /** Rows per parallel block: small enough to balance, large enough to amortize scheduling. */
  private static final int BLOCK_ROWS = 32;

  private final ParallelRows parallel;
  private final AlsOptions options;

  ImplicitHalfStep(ParallelRows parallel, AlsOptions options) {
    this.parallel = parallel;
    this.options = options;
  }

  /** Sums a half-step returns: the regularization term and, when asked, the weighted loss. */
  record Sums(double regularization, double weightedLoss) {}

  /**
   * Solves every row of {@code data} (rows of {@code target}, columns of {@code fixed}); when
   * {@code measureLoss}, {@code fixed} must be the user side.
   */
  Sums run(ConfidenceRows data, FactorSide fixed, FactorSide target, boolean measureLoss) {
    SideGram gram = SideGram.of(FactorGram.of(parallel, fixed));
    int k = target.k;
    // One loop per solver class, so each call site sees one receiver and the JIT inlines it
    // (a shared site slowed the SIMD Cholesky path several-fold once CG had run in the JVM).
    double[] totals =
        options.implicitSolver() == ImplicitSolver.CG
            ? parallel.run(
                target.rows,
                BLOCK_ROWS,
                2,
                () -> new ConjugateGradientSolver(k, options.cgSteps()),
                (from, to, solver, partials) -> {
                  for (int row = from; row < to; row++) {
                    partials[0] += solver.solve(row, data, fixed, gram, target, lambda(data, row));
                    partials[1] +=
                        measureLoss ? lossOfRow(row, data, fixed, gram.exact(), target) : 0;
                  }
                })
            : parallel.run(
                target.rows,
                BLOCK_ROWS,
                2,
                () -> new CholeskyImplicitSolver(k),
                (from, to, solver, partials) -> {
                  for (int row = from; row < to; row++) {
                    partials[0] += solver.solve(row, data, fixed, gram, target, lambda(data, row));
                    partials[1] +=
                        measureLoss ? lossOfRow(row, data, fixed, gram.exact(), target) : 0;
                  }
                });
    return new Sums(totals[0], totals[1]);
  }

  /** Row {@code row}'s λ: l2_reg, times n^e under {@code l2_reg_mode: weighted} (ALS-WR). */
  private double lambda(ConfidenceRows data, int row) {
    return options.l2RegMode() == RegularizationMode.WEIGHTED
        ? options.l2Reg() * Math.pow(data.count(row), options.l2RegExponent())
        : options.l2Reg();
  }

  /** Σ over every user of c (p − xᵀy)² for item {@code row}: yᵀGy plus the observed corrections. */
  static double lossOfRow(
      int row, ConfidenceRows data, FactorSide users, double[] gram, FactorSide items) {
    int k = items.k;
    int yo = row * k;
    double loss = FactorGram.quadratic(gram, items.factors, yo, k);
    float[] x = users.factors;
    float[] y = items.factors;
    for (int e = data.offsets[row]; e < data.offsets[row + 1]; e++) {
      int xo = data.columns[e] * k;
      double score = 0;
      for (int f = 0; f < k; f++) {
        score += x[xo + f] * y[yo + f];
      }
      double miss = 1 - score;
      loss += (1.0 + data.extraConfidence[e]) * miss * miss - score * score;
    }
    return loss;
  }
}
