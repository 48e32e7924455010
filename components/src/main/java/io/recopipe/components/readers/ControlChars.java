package io.recopipe.components.readers;

import java.util.Locale;

/**
 * Escapes control and invisible formatting characters ({@code \t}, {@code \0}, ESC as {@code
 * \u001b}, C1 controls, line and bidi separators) in text taken from data files, so that an error
 * message or log line never moves the terminal's cursor, changes its colours or hides text.
 */
public final class ControlChars {
  private ControlChars() {}

  /** Returns {@code text} with every control character written as a visible escape. */
  public static String escape(CharSequence text) {
    if (text == null) {
      return "null";
    }
    int first = firstToEscape(text);
    if (first < 0) {
      return text.toString();
    }
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    escaped.append(text, 0, first);
    for (int n = first; n < text.length(); n++) {
      char c = text.charAt(n);
      switch (c) {
        case '\t' -> escaped.append("\\t");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        case '\0' -> escaped.append("\\0");
        default -> {
          if (needsEscape(c)) {
            escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }

  private static int firstToEscape(CharSequence text) {
    for (int n = 0; n < text.length(); n++) {
      if (needsEscape(text.charAt(n))) {
        return n;
      }
    }
    return -1;
  }

  /** C0 and C1 controls, DEL, line/paragraph separators and bidi overrides or isolates. */
  static boolean needsEscape(char c) {
    return c < 0x20
        || c >= 0x7f && c <= 0x9f
        || c == '\u2028'
        || c == '\u2029'
        || c >= '\u202a' && c <= '\u202e'
        || c >= '\u2066' && c <= '\u2069';
  }
}
