package io.recopipe.infra.vertex;

import io.recopipe.model.error.InvalidInputException;
import java.util.Locale;
import java.util.Map;

/**
 * The Vertex AI rules for label keys and values and for model ids (lowercase letters, digits,
 * {@code _} and {@code -}, at most 63 characters; keys and ids start with a letter), applied before
 * a request leaves, so a bad label is a one-line error here instead of an INVALID_ARGUMENT from
 * Google after the model was trained.
 */
public final class VertexLabels {
  /** The longest key or value Vertex AI accepts. */
  public static final int MAX_LENGTH = 63;

  /** The most labels one resource may carry. */
  public static final int MAX_LABELS = 64;

  private static final String KEY = "[a-z][a-z0-9_-]{0,62}";
  private static final String VALUE = "[a-z0-9_-]{0,63}";

  private VertexLabels() {}

  /**
   * {@code text} as a label value: lower-cased, every other character {@code _}, cut to {@value
   * #MAX_LENGTH} characters ({@code 0.9123} → {@code 0_9123}).
   */
  public static String value(String text) {
    String v = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
    return v.length() > MAX_LENGTH ? v.substring(0, MAX_LENGTH) : v;
  }

  /** Refuses (one line, every bad entry) labels Vertex AI would reject. */
  public static Map<String, String> check(Map<String, String> labels) {
    StringBuilder problems = new StringBuilder();
    if (labels.size() > MAX_LABELS) {
      problems.append("; ").append(labels.size()).append(" labels (at most ").append(MAX_LABELS);
      problems.append(')');
    }
    labels.forEach(
        (key, value) -> {
          if (!key.matches(KEY)) {
            problems.append("; key '").append(key).append("' is not ").append(KEY);
          }
          if (!value.matches(VALUE)) {
            problems.append("; value '").append(value).append("' of ").append(key);
            problems.append(" is not ").append(VALUE);
          }
        });
    if (problems.length() > 0) {
      throw new InvalidInputException("Vertex AI labels: " + problems.substring(2));
    }
    return Map.copyOf(labels);
  }

  /** Refuses a model id Vertex AI would reject ({@code UploadModelRequest.model_id}). */
  public static String modelId(String id) {
    if (!id.matches("[a-z_][a-z0-9_-]{0,62}")) {
      throw new InvalidInputException(
          "Vertex AI model id '"
              + id
              + "' must be at most 63 lowercase letters, digits, _ or -, not starting with a"
              + " digit or -");
    }
    return id;
  }
}
