package io.recopipe.pipeline.insight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Draws training and eval loss per iteration as lines with points, candidate in blue and champion
 * in orange (eval loss dashed), so a reviewer sees convergence and overfitting; every point carries
 * {@code data-series}, {@code data-iteration}, {@code data-value} and a {@code <title>} with its
 * value.
 */
final class LossChart {
  private static final double WIDTH = 640;
  private static final double HEIGHT = 320;
  private static final PlotFrame FRAME = new PlotFrame(64, 40, WIDTH - 64 - 20, HEIGHT - 40 - 48);

  /** One line: its name ({@code candidate-loss}), colour, dash and points. */
  private record Series(
      String name,
      String label,
      String colour,
      String dash,
      boolean square,
      List<double[]> points) {}

  private LossChart() {}

  static String render(List<LossPoint> candidate, List<LossPoint> champion) {
    List<Series> series = new ArrayList<>();
    add(series, "candidate", Palette.CANDIDATE, false, candidate);
    add(series, "champion", Palette.CHAMPION, true, champion);
    Svg svg = Svg.open(WIDTH, HEIGHT, "Training loss per iteration", "loss-chart");
    if (series.isEmpty()) {
      svg.textElement(
          "text",
          "no training info recorded",
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
    NiceRange xs = range(series, p -> p[0], 8);
    NiceRange ys = range(series, p -> p[1], 6);
    FRAME.yAxis(svg, ys, "loss (mean squared error)");
    FRAME.xAxis(svg, xs, "iteration");
    List<PlotFrame.LegendEntry> legend = new ArrayList<>();
    for (Series line : series) {
      legend.add(new PlotFrame.LegendEntry(line.colour(), line.dash(), line.label()));
      draw(svg, line, xs, ys);
    }
    FRAME.legend(svg, legend);
    return svg.close();
  }

  private static void add(
      List<Series> series, String model, String colour, boolean square, List<LossPoint> points) {
    List<double[]> loss = new ArrayList<>();
    List<double[]> eval = new ArrayList<>();
    for (LossPoint point : points) {
      if (Double.isFinite(point.loss())) {
        loss.add(new double[] {point.iteration(), point.loss()});
      }
      OptionalDouble evalLoss = point.evalLoss();
      if (evalLoss.isPresent() && Double.isFinite(evalLoss.getAsDouble())) {
        eval.add(new double[] {point.iteration(), evalLoss.getAsDouble()});
      }
    }
    if (!loss.isEmpty()) {
      series.add(new Series(model + "-loss", model + " training loss", colour, null, square, loss));
    }
    if (!eval.isEmpty()) {
      series.add(
          new Series(model + "-eval_loss", model + " eval loss", colour, "6 4", square, eval));
    }
  }

  private static NiceRange range(List<Series> series, Function<double[], Double> axis, int ticks) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (Series line : series) {
      for (double[] point : line.points()) {
        low = Math.min(low, axis.apply(point));
        high = Math.max(high, axis.apply(point));
      }
    }
    return NiceRange.covering(low, high, ticks);
  }

  private static void draw(Svg svg, Series line, NiceRange xs, NiceRange ys) {
    svg.start("g", "class", "series", "data-series", line.name());
    StringBuilder path = new StringBuilder();
    for (double[] point : line.points()) {
      path.append(path.length() == 0 ? "" : " ")
          .append(Svg.num(FRAME.x(xs, point[0])))
          .append(',')
          .append(Svg.num(FRAME.y(ys, point[1])));
    }
    svg.empty(
        "polyline",
        "points",
        path.toString(),
        "fill",
        "none",
        "stroke",
        line.colour(),
        "stroke-width",
        "2",
        "stroke-dasharray",
        line.dash() == null ? "none" : line.dash());
    for (double[] point : line.points()) {
      point(svg, line, FRAME.x(xs, point[0]), FRAME.y(ys, point[1]), point);
    }
    svg.end("g");
  }

  private static void point(Svg svg, Series line, double x, double y, double[] point) {
    String iteration = Integer.toString((int) point[0]);
    String value = String.format(Locale.ROOT, "%.6f", point[1]);
    String[] data = {
      "class",
      "point",
      "data-series",
      line.name(),
      "data-iteration",
      iteration,
      "data-value",
      value,
      "fill",
      line.colour()
    };
    if (line.square()) {
      svg.start(
          "rect",
          concat(data, "x", Svg.num(x - 3.5), "y", Svg.num(y - 3.5), "width", "7", "height", "7"));
    } else {
      svg.start("circle", concat(data, "cx", Svg.num(x), "cy", Svg.num(y), "r", "3.5"));
    }
    svg.textElement("title", line.label() + ", iteration " + iteration + ": " + value);
    svg.end(line.square() ? "rect" : "circle");
  }

  private static String[] concat(String[] first, String... second) {
    String[] all = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}
