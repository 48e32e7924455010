package io.recopipe.pipeline.web;

import gg.jte.html.HtmlTemplateOutput;
import io.recopipe.pipeline.insight.XmlText;

/**
 * The output the review templates write to: every {@code ${...}} value is escaped by {@link
 * XmlText}, the escaping the SVG charts use too, so control characters become U+FFFD and quotes are
 * entities whether a value lands in an element or in an attribute.
 */
final class XmlTextOutput implements HtmlTemplateOutput {
  private final StringBuilder out = new StringBuilder(8192);

  @Override
  public void writeContent(String value) {
    out.append(value);
  }

  @Override
  public void writeContent(String value, int beginIndex, int endIndex) {
    out.append(value, beginIndex, endIndex);
  }

  @Override
  public void writeUserContent(String value) {
    if (value != null) {
      out.append(XmlText.escape(value));
    }
  }

  @Override
  public void setContext(String tagName, String attributeName) {
    // one escaping for element content and attribute values alike
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
