package io.recopipe.pipeline.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Draws error histograms as grouped bars over shared bins (candidate blue on the left of each bin,
 * champion orange on the right) with a dashed marker at zero error, so bias and tails of the two
 * models compare bin by bin; every bar carries {@code data-series}, {@code data-bin}, {@code
 * data-count} and a {@code <title>}.
 */
final class HistogramChart {
  private static final double WIDTH = 640;
  private static final double HEIGHT = 320;
  private static final PlotFrame FRAME = new PlotFrame(64, 40, WIDTH - 64 - 20, HEIGHT - 40 - 48);

  private HistogramChart() {}

  static String render(ErrorHistogram candidate, Optional<ErrorHistogram> champion) {
    champion.ifPresent(
        c -> {
          if (!c.edges().equals(candidate.edges())) {
            throw new IllegalArgumentException("candidate and champion histograms must share bins");
          }
        });
    List<Double> edges = candidate.edges();
    Svg svg =
        Svg.open(
            WIDTH,
            HEIGHT,
            "Prediction error (predicted − actual) on the eval split",
            "error-histogram");
    NiceRange xs =
        new NiceRange(
            edges.get(0),
            edges.get(edges.size() - 1),
            NiceRange.covering(edges.get(0), edges.get(edges.size() - 1), 9).step());
    long highest = max(candidate);
    if (champion.isPresent()) {
      highest = Math.max(highest, max(champion.get()));
    }
    NiceRange ys = NiceRange.covering(0, Math.max(1, highest), 6);
    FRAME.yAxis(svg, ys, "ratings");
    FRAME.xAxis(svg, xs, "predicted − actual (stars)");
    int groups = champion.isPresent() ? 2 : 1;
    bars(svg, "candidate", Palette.CANDIDATE, candidate, 0, groups, xs, ys);
    champion.ifPresent(c -> bars(svg, "champion", Palette.CHAMPION, c, 1, groups, xs, ys));
    if (xs.min() < 0 && xs.max() > 0) {
      double zero = FRAME.x(xs, 0);
      svg.empty(
          "line",
          "class",
          "zero",
          "x1",
          Svg.num(zero),
          "x2",
          Svg.num(zero),
          "y1",
          Svg.num(FRAME.top()),
          "y2",
          Svg.num(FRAME.bottom()),
          "stroke",
          Palette.INK,
          "stroke-dasharray",
          "3 3");
    }
    List<PlotFrame.LegendEntry> legend = new ArrayList<>();
    legend.add(new PlotFrame.LegendEntry(Palette.CANDIDATE, null, summary("candidate", candidate)));
    champion.ifPresent(
        c -> legend.add(new PlotFrame.LegendEntry(Palette.CHAMPION, null, summary("champion", c))));
    FRAME.legend(svg, legend);
    return svg.close();
  }

  private static long max(ErrorHistogram histogram) {
    return histogram.counts().stream().mapToLong(Long::longValue).max().orElse(0);
  }

  private static void bars(
      Svg svg,
      String series,
      String colour,
      ErrorHistogram histogram,
      int group,
      int groups,
      NiceRange xs,
      NiceRange ys) {
    svg.start("g", "class", "series", "data-series", series);
    List<Double> edges = histogram.edges();
    for (int bin = 0; bin < histogram.counts().size(); bin++) {
      double from = FRAME.x(xs, edges.get(bin));
      double slot = (FRAME.x(xs, edges.get(bin + 1)) - from - 2) / groups;
      long count = histogram.counts().get(bin);
      double top = FRAME.y(ys, count);
      svg.start(
          "rect",
          "class",
          "bar",
          "data-series",
          series,
          "data-bin",
          Integer.toString(bin),
          "data-count",
          Long.toString(count),
          "x",
          Svg.num(from + 1 + group * slot),
          "y",
          Svg.num(top),
          "width",
          Svg.num(slot),
          "height",
          Svg.num(FRAME.bottom() - top),
          "fill",
          colour,
          "stroke",
          "#ffffff",
          "stroke-width",
          "0.5");
      svg.textElement(
          "title",
          String.format(
              Locale.ROOT,
              "%s: %d ratings with error in [%.2f, %.2f)",
              series,
              count,
              edges.get(bin),
              edges.get(bin + 1)));
      svg.end("rect");
    }
    svg.end("g");
  }

  private static String summary(String series, ErrorHistogram histogram) {
    return String.format(
        Locale.ROOT, "%s (mean %+.3f, RMSE %.3f)", series, histogram.mean(), histogram.rmse());
  }
}
