package io.recopipe.components.api;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the known key a mistyped one most likely meant ({@code r2_mn} → {@code r2_min}), so an
 * unknown-key error can say "did you mean" instead of making the user scan a list of names.
 *
 * <p>The measure is the optimal-string-alignment distance (insertions, deletions, substitutions and
 * swaps of two neighbours each count 1). A suggestion is made only when it is close for the key's
 * length: at most 1 edit for keys up to 4 characters, 2 up to 8, else 3; failing that, a known key
 * of at least 3 characters that the typed one starts with, or that starts with the typed one
 * ({@code r2_minimum} → {@code r2_min}). Ties go to the alphabetically first key, so the message
 * never depends on set iteration order.
 */
public final class KeySuggestions {
  private KeySuggestions() {}

  /** The known key closest to {@code key}, when one is close enough to be a likely typo. */
  public static Optional<String> closest(String key, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = key.toLowerCase(Locale.ROOT);
    for (String candidate : new TreeSet<>(known)) {
      int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best != null && bestDistance <= allowed(key.length())) {
      return Optional.of(best);
    }
    return known.stream()
        .filter(candidate -> candidate.length() >= 3 && lower.length() >= 3)
        .filter(
            candidate ->
                lower.startsWith(candidate.toLowerCase(Locale.ROOT))
                    || candidate.toLowerCase(Locale.ROOT).startsWith(lower))
        .min(
            Comparator.comparingInt((String c) -> Math.abs(c.length() - key.length()))
                .thenComparing(c -> c));
  }

  private static int allowed(int length) {
    return length <= 4 ? 1 : length <= 8 ? 2 : 3;
  }

  /** The optimal-string-alignment edit distance between {@code a} and {@code b}. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
