package io.recopipe.model.als;

/**
 * BigQuery ML's {@code feedback_type}: explicit ratings are fitted as values; implicit feedback
 * (Hu, Koren &amp; Volinsky 2008) is fitted as confidence-weighted preferences by weighted ALS.
 */
public enum FeedbackType {
  /** Ratings are regression targets. */
  EXPLICIT,
  /** Interactions are confidence-weighted preferences (WALS). */
  IMPLICIT;

  /** Parses the BigQuery ML spelling, case-insensitive. */
  public static FeedbackType parse(String text) {
    return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
  }
}
