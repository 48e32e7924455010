package io.recopipe.pipeline.web;

/**
 * Builds server-rendered HTML with every dynamic string escaped on the way in, so no page can
 * forget to escape a reviewer's comment, a run message or a movie title.
 */
public final class Html {
  private final StringBuilder out = new StringBuilder(4096);

  /** Escapes {@code text} for element content and quoted attribute values. */
  public static String escape(Object text) {
    return io.recopipe.pipeline.insight.XmlText.escape(String.valueOf(text));
  }

  /** Appends trusted markup written in this package (never user or run data). */
  public Html raw(String markup) {
    out.append(markup);
    return this;
  }

  /** Appends {@code text} escaped. */
  public Html text(Object text) {
    out.append(escape(text));
    return this;
  }

  /** Appends {@code <tag class="cls">text</tag>} with {@code text} escaped. */
  public Html element(String tag, String cls, Object text) {
    out.append('<').append(tag);
    if (cls != null && !cls.isEmpty()) {
      out.append(" class=\"").append(escape(cls)).append('"');
    }
    out.append('>').append(escape(text)).append("</").append(tag).append('>');
    return this;
  }

  /** Appends {@code <tag>text</tag>} with {@code text} escaped. */
  public Html element(String tag, Object text) {
    return element(tag, null, text);
  }

  /** Appends a link to {@code href} (escaped) labelled {@code text} (escaped). */
  public Html link(String href, Object text) {
    out.append("<a href=\"").append(escape(href)).append("\">").append(escape(text))
        .append("</a>");
    return this;
  }

  /** Appends a hidden form field. */
  public Html hidden(String name, String value) {
    out.append("<input type=\"hidden\" name=\"").append(escape(name)).append("\" value=\"")
        .append(escape(value)).append("\">");
    return this;
  }

  /** Appends a table row of escaped cells. */
  public Html row(Object... cells) {
    out.append("<tr>");
    for (Object cell : cells) {
      out.append("<td>").append(escape(cell)).append("</td>");
    }
    out.append("</tr>");
    return this;
  }

  /** Appends a table header row. */
  public Html headerRow(String... cells) {
    out.append("<tr>");
    for (String cell : cells) {
      out.append("<th>").append(escape(cell)).append("</th>");
    }
    out.append("</tr>");
    return this;
  }

  /** A path segment escaped for a URL (letters, digits, {@code -._~} kept). */
  public static String segment(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
