package io.recopipe.model.als;

/**
 * How {@code l2_reg} scales per row: BigQuery ML documents one plain λ for every vector, while
 * ALS-WR (Zhou et al. 2008, as Spark MLlib does) multiplies λ by the row's rating count, which
 * shrinks sparse users and items harder and usually generalizes better on MovieLens.
 */
public enum RegularizationMode {
  /** λ for every user and item vector, as BigQuery ML documents. */
  PLAIN,
  /**
   * λ·n^e, n the user's or item's rating count and e {@code l2_reg_exponent} (1 is ALS-WR; smaller
   * exponents regularize heavy raters less, a frequency-dependent middle ground).
   */
  WEIGHTED;

  /** Parses {@code plain} or {@code weighted}, case-insensitive. */
  public static RegularizationMode parse(String text) {
    return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
  }

  /** The lowercase name used in configs and manifests. */
  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
