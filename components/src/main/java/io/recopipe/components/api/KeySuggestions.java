package io.recopipe.components.api;

import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the known key a mistyped one most likely meant ({@code r2_mn} → {@code r2_min}), so an
 * unknown-key error can say "did you mean" instead of making the user scan a list of names.
 *
 * <p>The measure is the optimal-string-alignment distance (insertions, deletions, substitutions
 * and swaps of two neighbours each count 1). A suggestion is made only when it is close for the
 * key's length: at most 1 edit for keys up to 4 characters, 2 up to 8, else 3; ties go to the
 * alphabetically first key, so the message never depends on set iteration order.
 */
public final class KeySuggestions {
  private KeySuggestions() {
  }

  /** The known key closest to {@code key}, when one is close enough to be a likely typo. */
  public static Optional<String> closest(String key, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = key.toLowerCase(java.util.Locale.ROOT);
    for (String candidate : new TreeSet<>(known)) {
      int distance = distance(lower, candidate.toLowerCase(java.util.Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= allowed(key.length()) ? Optional.of(best)
        : Optional.empty();
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
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
