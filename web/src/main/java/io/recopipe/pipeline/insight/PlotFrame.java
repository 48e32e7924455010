package io.recopipe.pipeline.insight;

import java.util.List;
import java.util.Locale;

/**
 * The plotting rectangle of a chart with its axes, grid, tick labels and legend, shared by the loss
 * chart and the histogram so both read the same way.
 *
 * @param left x of the plot area's left edge
 * @param top y of its top edge
 * @param width its width
 * @param height its height
 */
record PlotFrame(double left, double top, double width, double height) {

  /**
   * One legend entry: a swatch in {@code colour} ({@code dash} null for solid) and its label.
   *
   * @param colour the series colour
   * @param dash an SVG dash pattern, or null
   * @param label the text
   */
  record LegendEntry(String colour, String dash, String label) {}

  double right() {
    return left + width;
  }

  double bottom() {
    return top + height;
  }

  /** The x pixel of {@code value} on {@code range}. */
  double x(NiceRange range, double value) {
    return range.map(value, left, right());
  }

  /** The y pixel of {@code value} on {@code range} (up is larger). */
  double y(NiceRange range, double value) {
    return range.map(value, bottom(), top);
  }

  /** Draws the y axis with horizontal grid lines and labels at {@code range}'s ticks. */
  void yAxis(Svg svg, NiceRange range, String title) {
    svg.start("g", "class", "axis y-axis");
    for (double tick : range.ticks()) {
      double y = y(range, tick);
      svg.empty(
          "line",
          "x1",
          Svg.num(left),
          "x2",
          Svg.num(right()),
          "y1",
          Svg.num(y),
          "y2",
          Svg.num(y),
          "stroke",
          Palette.GRID);
      svg.textElement(
          "text",
          label(tick, range),
          "x",
          Svg.num(left - 6),
          "y",
          Svg.num(y + 4),
          "text-anchor",
          "end",
          "fill",
          Palette.INK);
    }
    svg.empty(
        "line",
        "x1",
        Svg.num(left),
        "x2",
        Svg.num(left),
        "y1",
        Svg.num(top),
        "y2",
        Svg.num(bottom()),
        "stroke",
        Palette.INK);
    double middle = top + height / 2;
    svg.textElement(
        "text",
        title,
        "x",
        "14",
        "y",
        Svg.num(middle),
        "text-anchor",
        "middle",
        "fill",
        Palette.INK,
        "transform",
        "rotate(-90 14 " + Svg.num(middle) + ")");
    svg.end("g");
  }

  /** Draws the x axis with tick marks and labels at {@code range}'s ticks. */
  void xAxis(Svg svg, NiceRange range, String title) {
    svg.start("g", "class", "axis x-axis");
    svg.empty(
        "line",
        "x1",
        Svg.num(left),
        "x2",
        Svg.num(right()),
        "y1",
        Svg.num(bottom()),
        "y2",
        Svg.num(bottom()),
        "stroke",
        Palette.INK);
    for (double tick : range.ticks()) {
      double x = x(range, tick);
      svg.empty(
          "line",
          "x1",
          Svg.num(x),
          "x2",
          Svg.num(x),
          "y1",
          Svg.num(bottom()),
          "y2",
          Svg.num(bottom() + 4),
          "stroke",
          Palette.INK);
      svg.textElement(
          "text",
          label(tick, range),
          "x",
          Svg.num(x),
          "y",
          Svg.num(bottom() + 16),
          "text-anchor",
          "middle",
          "fill",
          Palette.INK);
    }
    svg.textElement(
        "text",
        title,
        "x",
        Svg.num(left + width / 2),
        "y",
        Svg.num(bottom() + 32),
        "text-anchor",
        "middle",
        "fill",
        Palette.INK);
    svg.end("g");
  }

  /** Draws the legend above the plot area, wrapping to a second row when one is too narrow. */
  void legend(Svg svg, List<LegendEntry> entries) {
    svg.start("g", "class", "legend");
    double total = 0;
    for (LegendEntry entry : entries) {
      total += entryWidth(entry);
    }
    boolean wrap = total > width;
    double x = left;
    double y = wrap ? top - 28 : top - 14;
    for (LegendEntry entry : entries) {
      if (wrap && x > left && x + entryWidth(entry) > right()) {
        x = left;
        y += 14;
      }
      svg.empty(
          "line",
          "x1",
          Svg.num(x),
          "x2",
          Svg.num(x + 18),
          "y1",
          Svg.num(y),
          "y2",
          Svg.num(y),
          "stroke",
          entry.colour(),
          "stroke-width",
          "3",
          "stroke-dasharray",
          entry.dash() == null ? "none" : entry.dash());
      svg.textElement(
          "text", entry.label(), "x", Svg.num(x + 22), "y", Svg.num(y + 4), "fill", Palette.INK);
      x += entryWidth(entry);
    }
    svg.end("g");
  }

  private static double entryWidth(LegendEntry entry) {
    return 34 + 6.2 * entry.label().length();
  }

  private static String label(double tick, NiceRange range) {
    return String.format(Locale.ROOT, "%." + range.decimals() + "f", tick);
  }
}
