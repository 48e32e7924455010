package io.recopipe.pipeline.insight;

import java.util.List;
import java.util.Locale;

/**
 * Draws a run's steps as boxes left to right by depth with arrows for data edges; a box's border
 * and fill follow its status (and the status is written in it, so colour is never the only cue), a
 * cache hit has a dashed border and the word "cached", and its duration is shown. Every box is a
 * {@code <g class="node" data-step data-status>} with a {@code <title>}.
 */
final class DagChart {
  private static final double BOX_WIDTH = 156;
  private static final double BOX_HEIGHT = 54;
  private static final double GAP_X = 44;
  private static final double GAP_Y = 18;
  private static final double MARGIN = 16;
  private static final int NAME_CHARS = 22;

  private DagChart() {}

  static String render(List<DagNode> nodes) {
    DagLayout layout = DagLayout.of(nodes);
    double width = 2 * MARGIN + Math.max(1, layout.columns()) * (BOX_WIDTH + GAP_X) - GAP_X;
    double height = 2 * MARGIN + Math.max(1, layout.rows()) * (BOX_HEIGHT + GAP_Y) - GAP_Y;
    Svg svg = Svg.open(width, height, "Pipeline steps of the run", "dag");
    svg.start("defs");
    svg.start(
        "marker",
        "id",
        "dag-arrow",
        "viewBox",
        "0 0 10 10",
        "refX",
        "10",
        "refY",
        "5",
        "markerWidth",
        "7",
        "markerHeight",
        "7",
        "orient",
        "auto-start-reverse");
    svg.empty("path", "d", "M 0 0 L 10 5 L 0 10 z", "fill", Palette.INK);
    svg.end("marker").end("defs");
    for (DagNode node : nodes) {
      for (String upstream : node.upstream()) {
        if (layout.has(upstream)) {
          edge(svg, layout, upstream, node.step());
        }
      }
    }
    for (DagNode node : nodes) {
      box(svg, node, x(layout.column(node.step())), y(layout.row(node.step())));
    }
    return svg.close();
  }

  private static double x(int column) {
    return MARGIN + column * (BOX_WIDTH + GAP_X);
  }

  private static double y(int row) {
    return MARGIN + row * (BOX_HEIGHT + GAP_Y);
  }

  private static void edge(Svg svg, DagLayout layout, String from, String to) {
    double x1 = x(layout.column(from)) + BOX_WIDTH;
    double y1 = y(layout.row(from)) + BOX_HEIGHT / 2;
    double x2 = x(layout.column(to));
    double y2 = y(layout.row(to)) + BOX_HEIGHT / 2;
    String d;
    if (layout.column(to) - layout.column(from) <= 1) {
      double bend = Math.max(12, (x2 - x1) / 2);
      d =
          "M "
              + point(x1, y1)
              + " C "
              + point(x1 + bend, y1)
              + " "
              + point(x2 - bend, y2)
              + " "
              + point(x2, y2);
    } else {
      // a long edge runs in the gap above its rows, so it never hides behind a box in between
      double lane = y(Math.min(layout.row(from), layout.row(to))) - GAP_Y / 2;
      double turn = GAP_X / 2;
      d =
          "M "
              + point(x1, y1)
              + " C "
              + point(x1 + turn, y1)
              + " "
              + point(x1, lane)
              + " "
              + point(x1 + turn, lane)
              + " L "
              + point(x2 - turn, lane)
              + " C "
              + point(x2, lane)
              + " "
              + point(x2 - turn, y2)
              + " "
              + point(x2, y2);
    }
    svg.empty(
        "path",
        "class",
        "edge",
        "data-from",
        from,
        "data-to",
        to,
        "d",
        d,
        "fill",
        "none",
        "stroke",
        Palette.INK,
        "stroke-width",
        "1.5",
        "marker-end",
        "url(#dag-arrow)");
  }

  private static String point(double x, double y) {
    return Svg.num(x) + " " + Svg.num(y);
  }

  private static void box(Svg svg, DagNode node, double x, double y) {
    String status = node.status() == null ? "UNKNOWN" : node.status();
    String[] colours = Palette.status(status);
    String detail = status + (node.durationMs() >= 0 ? " · " + duration(node.durationMs()) : "");
    svg.start(
        "g",
        "class",
        "node" + (node.cacheHit() ? " cached" : ""),
        "data-step",
        node.step(),
        "data-status",
        status);
    svg.textElement("title", node.step() + ": " + detail + (node.cacheHit() ? " · cached" : ""));
    svg.empty(
        "rect",
        "x",
        Svg.num(x),
        "y",
        Svg.num(y),
        "width",
        Svg.num(BOX_WIDTH),
        "height",
        Svg.num(BOX_HEIGHT),
        "rx",
        "6",
        "fill",
        colours[1],
        "stroke",
        colours[0],
        "stroke-width",
        "2",
        "stroke-dasharray",
        node.cacheHit() ? "6 3" : "none");
    svg.textElement(
        "text",
        shorten(node.step()),
        "x",
        Svg.num(x + 10),
        "y",
        Svg.num(y + 22),
        "font-weight",
        "bold",
        "font-size",
        "13",
        "fill",
        Palette.INK);
    if (node.cacheHit()) {
      svg.textElement(
          "text",
          "cached",
          "x",
          Svg.num(x + BOX_WIDTH - 10),
          "y",
          Svg.num(y + 22),
          "text-anchor",
          "end",
          "font-style",
          "italic",
          "fill",
          Palette.INK);
    }
    svg.textElement(
        "text", detail, "x", Svg.num(x + 10), "y", Svg.num(y + 40), "fill", Palette.INK);
    svg.end("g");
  }

  private static String shorten(String name) {
    return name.length() <= NAME_CHARS ? name : name.substring(0, NAME_CHARS - 1) + "…";
  }

  /** {@code 420 ms}, {@code 3.4 s}, {@code 2m 05s}. */
  static String duration(long millis) {
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = millis / 1000;
    return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
  }
}
