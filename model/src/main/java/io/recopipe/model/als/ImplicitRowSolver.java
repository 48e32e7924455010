package io.recopipe.model.als;

/**
 * Solves one row of implicit ALS (Hu, Koren &amp; Volinsky 2008, eq. 4): {@code (YᵀY + Yᵀ(Cᵤ − I)Y
 * + λI) x = Yᵀ Cᵤ p(u)}, with Y the fixed side, using only the row's observed interactions (p = 1,
 * c = 1 + wals_alpha·r) and the precomputed Gram matrix YᵀY. One instance per thread holds the
 * scratch buffers, so the hot loop allocates nothing.
 */
interface ImplicitRowSolver {
  /**
   * Updates row {@code row} of {@code target} (its current factors are the warm start, if the
   * solver uses one) and returns its regularization term λ‖x‖².
   */
  double solve(
      int row,
      ConfidenceRows data,
      FactorSide fixed,
      SideGram gram,
      FactorSide target,
      double lambda);
}
