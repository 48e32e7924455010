package io.recopipe.components.validation;

import java.util.Locale;

/**
 * One comparison of the run's data with the champion's, with its number, threshold and outcome, so
 * decision.json and the review page show what was compared instead of a bare verdict.
 *
 * @param name the check, e.g. {@code unknown_eval_users}
 * @param value the measured value (NaN when it could not be measured)
 * @param threshold the threshold (NaN when none applies)
 * @param outcome pass, fail or not comparable
 * @param detail one human-readable sentence
 */
public record DataCheck(
    String name, double value, double threshold, Outcome outcome, String detail) {

  /** What a check concluded. */
  public enum Outcome {
    /** Within the threshold. */
    PASS,
    /** Beyond the threshold. */
    FAIL,
    /** The comparison could not be made (e.g. the champion bundle has no data profile). */
    NOT_COMPARABLE;

    /** The spelling in decision.json: {@code pass}, {@code fail}, {@code not_comparable}. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A check that could not be made, for {@code why}. */
  static DataCheck notComparable(String name, double threshold, String why) {
    return new DataCheck(
        name, Double.NaN, threshold, Outcome.NOT_COMPARABLE, "not comparable (" + why + ")");
  }
}
