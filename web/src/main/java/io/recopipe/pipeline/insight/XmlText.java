package io.recopipe.pipeline.insight;

/**
 * Escaping for text placed in HTML or SVG, shared by the charts and the review page so both treat
 * every reviewer-visible string (titles, step names, comments) the same way.
 */
public final class XmlText {
  private XmlText() {}

  /**
   * {@code text} safe inside XML/HTML text and double- or single-quoted attributes; characters XML
   * 1.0 forbids (most control characters) become U+FFFD.
   */
  public static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int n = 0; n < text.length(); n++) {
      char c = text.charAt(n);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(allowed(c) ? c : '\uFFFD');
      }
    }
    return escaped.toString();
  }

  private static boolean allowed(char c) {
    return c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
  }
}
