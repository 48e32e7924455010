package io.recopipe.pipeline.insight;

import java.util.Locale;

/**
 * A small SVG writer that escapes every attribute value and text node and formats every number the
 * same way, so that charts are well-formed XML whatever step names or titles they show and
 * byte-identical for the same input.
 */
final class Svg {
  /** The SVG namespace. */
  static final String NAMESPACE = "http://www.w3.org/2000/svg";

  private final StringBuilder out = new StringBuilder(4096);

  private Svg() {}

  /** Starts an {@code <svg>} of {@code width × height} with an accessible title. */
  static Svg open(double width, double height, String title, String cssClass) {
    Svg svg = new Svg();
    svg.start(
        "svg",
        "xmlns",
        NAMESPACE,
        "viewBox",
        "0 0 " + num(width) + " " + num(height),
        "width",
        num(width),
        "height",
        num(height),
        "role",
        "img",
        "class",
        cssClass,
        "font-family",
        "system-ui, sans-serif",
        "font-size",
        "11");
    svg.textElement("title", title);
    return svg;
  }

  /** Opens element {@code name} with attribute name/value pairs. */
  Svg start(String name, String... attributes) {
    tag(name, attributes);
    out.append('>');
    return this;
  }

  /** Writes an empty element {@code name} with attribute name/value pairs. */
  Svg empty(String name, String... attributes) {
    tag(name, attributes);
    out.append("/>");
    return this;
  }

  /** Writes {@code <name attributes>text</name>}. */
  Svg textElement(String name, String text, String... attributes) {
    start(name, attributes);
    out.append(escape(text));
    return end(name);
  }

  /** Closes element {@code name}. */
  Svg end(String name) {
    out.append("</").append(name).append('>');
    return this;
  }

  /** Closes the {@code <svg>} and returns the document. */
  String close() {
    end("svg");
    return out.toString();
  }

  private void tag(String name, String... attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name/value pairs: " + name);
    }
    out.append('<').append(name);
    for (int a = 0; a < attributes.length; a += 2) {
      out.append(' ')
          .append(attributes[a])
          .append("=\"")
          .append(escape(attributes[a + 1]))
          .append('"');
    }
  }

  /** {@code text} safe inside XML text and quoted attributes (see {@link XmlText}). */
  static String escape(String text) {
    return XmlText.escape(text);
  }

  /** A coordinate: two decimals, Locale.ROOT, no trailing zeros, never {@code -0}. */
  static String num(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite coordinate: " + value);
    }
    String text = String.format(Locale.ROOT, "%.2f", value);
    if (text.indexOf('.') >= 0) {
      text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return text.equals("-0") ? "0" : text;
  }
}
