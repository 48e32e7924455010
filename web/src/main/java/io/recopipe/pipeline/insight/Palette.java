package io.recopipe.pipeline.insight;

/**
 * The chart colours, from the Okabe–Ito palette, so that candidate and champion (blue and orange)
 * and the step statuses stay distinguishable for colour-blind readers; every colour is also paired
 * with a shape, dash or label so that no meaning rests on colour alone.
 */
final class Palette {
  /** The candidate's series. */
  static final String CANDIDATE = "#0072B2";

  /** The champion's series. */
  static final String CHAMPION = "#E69F00";

  /** Axes and labels. */
  static final String INK = "#333333";

  /** Grid lines. */
  static final String GRID = "#dddddd";

  private Palette() {}

  /** Border and fill of a DAG box for {@code status}: {stroke, fill}. */
  static String[] status(String status) {
    return switch (status == null ? "" : status) {
      case "SUCCEEDED" -> new String[] {"#009E73", "#d5f0e7"};
      case "FAILED" -> new String[] {"#D55E00", "#f8dccb"};
      case "SKIPPED" -> new String[] {"#8c8c8c", "#ececec"};
      case "RUNNING" -> new String[] {"#0072B2", "#d6e8f4"};
      default -> new String[] {"#666666", "#ffffff"};
    };
  }
}
