package io.recopipe.pipeline.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws tuning trials as a scatter of validation objective against {@code l2_reg} on a log10 axis,
 * each point sized by {@code num_factors} and the winner ringed in orange, so a reviewer sees
 * whether the search bracketed its best value or stopped at a range edge.
 */
final class TrialsChart {
  private static final double WIDTH = 640;
  private static final double HEIGHT = 320;
  private static final PlotFrame FRAME = new PlotFrame(64, 40, WIDTH - 64 - 20, HEIGHT - 40 - 48);

  private TrialsChart() {}

  static String render(TuningTrials trials) {
    Svg svg =
        Svg.open(
            WIDTH, HEIGHT, "Tuning trials: " + trials.objective() + " by l2_reg", "trials-chart");
    List<TuningTrials.Point> done = new ArrayList<>();
    for (TuningTrials.Point p : trials.trials()) {
      if (Double.isFinite(p.objective()) && p.l2Reg() > 0) {
        done.add(p);
      }
    }
    if (done.isEmpty()) {
      svg.textElement(
          "text",
          "no trial succeeded",
          "x",
          Svg.num(WIDTH / 2),
          "y",
          Svg.num(HEIGHT / 2),
          "text-anchor",
          "middle",
          "fill",
          Palette.INK);
      return svg.close();
    }
    NiceRange xs = NiceRange.covering(min(done, true), max(done, true), 6);
    NiceRange ys = NiceRange.covering(min(done, false), max(done, false), 6);
    FRAME.yAxis(svg, ys, trials.objective() + " (validation)");
    FRAME.xAxis(svg, xs, "log10(l2_reg); point size: num_factors");
    int fewest = done.stream().mapToInt(TuningTrials.Point::numFactors).min().orElse(0);
    int most = done.stream().mapToInt(TuningTrials.Point::numFactors).max().orElse(0);
    svg.start("g", "class", "series", "data-series", "trials");
    for (TuningTrials.Point p : done) {
      double radius = 3 + (most == fewest ? 3 : 9.0 * (p.numFactors() - fewest) / (most - fewest));
      String value = String.format(Locale.ROOT, "%.6f", p.objective());
      svg.start(
          "circle",
          "class",
          p.optimal() ? "point best" : "point",
          "data-trial",
          Integer.toString(p.trialId()),
          "data-value",
          value,
          "cx",
          Svg.num(FRAME.x(xs, Math.log10(p.l2Reg()))),
          "cy",
          Svg.num(FRAME.y(ys, p.objective())),
          "r",
          Svg.num(radius),
          "fill",
          Palette.CANDIDATE,
          "fill-opacity",
          "0.55",
          "stroke",
          p.optimal() ? Palette.CHAMPION : Palette.CANDIDATE,
          "stroke-width",
          p.optimal() ? "3" : "1");
      svg.textElement(
          "title",
          String.format(
              Locale.ROOT,
              "trial %d: num_factors %d, l2_reg " + "%.4g: %s%s",
              p.trialId(),
              p.numFactors(),
              p.l2Reg(),
              value,
              p.optimal() ? " (best)" : ""));
      svg.end("circle");
    }
    svg.end("g");
    FRAME.legend(
        svg,
        List.of(
            new PlotFrame.LegendEntry(Palette.CANDIDATE, null, "trial"),
            new PlotFrame.LegendEntry(Palette.CHAMPION, null, "best trial")));
    return svg.close();
  }

  private static double min(List<TuningTrials.Point> points, boolean x) {
    return points.stream()
        .mapToDouble(p -> x ? Math.log10(p.l2Reg()) : p.objective())
        .min()
        .orElse(0);
  }

  private static double max(List<TuningTrials.Point> points, boolean x) {
    return points.stream()
        .mapToDouble(p -> x ? Math.log10(p.l2Reg()) : p.objective())
        .max()
        .orElse(1);
  }
}
