package io.recopipe.pipeline.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgChartsTest {

  @Test
  void lossChartHasOnePointPerValueAndSeries() throws Exception {
    List<LossPoint> candidate = losses(5, true);
    List<LossPoint> champion = losses(3, false);
    String svg = SvgCharts.lossChart(candidate, champion);
    Document doc = parse(svg);
    assertRoot(doc);
    List<Element> points = withClass(doc, "point");
    assertEquals(5 + 5 + 3, points.size());
    assertEquals(5, count(points, "candidate-loss"));
    assertEquals(5, count(points, "candidate-eval_loss"));
    assertEquals(3, count(points, "champion-loss"));
    Element first = points.get(0);
    assertEquals("0", first.getAttribute("data-iteration"));
    assertEquals("2.000000", first.getAttribute("data-value"));
    assertTrue(first.getElementsByTagName("title").item(0).getTextContent().contains("2.000000"));
    assertEquals(svg, SvgCharts.lossChart(candidate, champion));
    assertFalse(withClass(doc, "legend").isEmpty());
  }

  @Test
  void emptyLossChartIsStillAnSvg() throws Exception {
    assertRoot(parse(SvgCharts.lossChart(List.of(), List.of())));
  }

  @Test
  void histogramHasGroupedBarsOverSharedBins() throws Exception {
    List<Double> edges = ErrorHistograms.edges(4, ErrorHistograms.BINS);
    float[] actual = {1, 2, 3, 4, 5, 3};
    ErrorHistogram ours =
        ErrorHistograms.of(actual, new float[] {1.2f, 2, 2.5f, 4.4f, 4, 3}, edges);
    ErrorHistogram theirs = ErrorHistograms.of(actual, new float[] {2, 3, 3, 3, 4, 5}, edges);
    Document doc = parse(SvgCharts.errorHistogram(ours, Optional.of(theirs)));
    assertRoot(doc);
    List<Element> bars = withClass(doc, "bar");
    assertEquals(2 * ErrorHistograms.BINS, bars.size());
    long total = 0;
    for (Element bar : bars) {
      if (bar.getAttribute("data-series").equals("candidate")) {
        total += Long.parseLong(bar.getAttribute("data-count"));
      }
    }
    assertEquals(actual.length, total);
    assertEquals(
        ErrorHistograms.BINS,
        withClass(parse(SvgCharts.errorHistogram(ours, Optional.empty())), "bar").size());
    ErrorHistogram other = ErrorHistograms.of(actual, actual, ErrorHistograms.edges(2, 8));
    assertThrows(
        IllegalArgumentException.class, () -> SvgCharts.errorHistogram(ours, Optional.of(other)));
  }

  @Test
  void dagEscapesNamesAndDrawsNodesEdgesAndStatus() throws Exception {
    List<DagNode> nodes =
        List.of(
            new DagNode("ingest", "SUCCEEDED", 1200, true, List.of()),
            new DagNode("train", "SUCCEEDED", 65_000, false, List.of("ingest")),
            new DagNode("a<b&c", "FAILED", 420, false, List.of("ingest", "train")),
            new DagNode("gate \"x\"", "SKIPPED", -1, false, List.of("a<b&c", "not-a-step")));
    String svg = SvgCharts.dag(nodes);
    Document doc = parse(svg);
    assertRoot(doc);
    List<Element> boxes = withClass(doc, "node");
    assertEquals(4, boxes.size());
    assertEquals("a<b&c", boxes.get(2).getAttribute("data-step"));
    assertEquals("FAILED", boxes.get(2).getAttribute("data-status"));
    assertTrue(boxes.get(2).getTextContent().contains("a<b&c"));
    assertTrue(boxes.get(0).getAttribute("class").contains("cached"));
    assertTrue(boxes.get(0).getTextContent().contains("cached"));
    assertTrue(boxes.get(1).getTextContent().contains("1m 05s"));
    assertEquals(4, withClass(doc, "edge").size());
    assertTrue(svg.contains("a&lt;b&amp;c"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SvgCharts.dag(
                List.of(
                    new DagNode("x", "SUCCEEDED", 1, false, List.of("y")),
                    new DagNode("y", "SUCCEEDED", 1, false, List.of("x")))));
  }

  @Test
  void dagPlacesStepsLeftToRightByDepth() {
    DagLayout layout =
        DagLayout.of(
            List.of(
                new DagNode("c", "SUCCEEDED", 1, false, List.of("a", "b")),
                new DagNode("a", "SUCCEEDED", 1, false, List.of()),
                new DagNode("b", "SUCCEEDED", 1, false, List.of("a"))));
    assertEquals(0, layout.column("a"));
    assertEquals(1, layout.column("b"));
    assertEquals(2, layout.column("c"));
  }

  @Test
  void escapingCoversMarkupQuotesAndControlCharacters() {
    assertEquals(
        "&lt;a href=&quot;x&quot;&gt;&amp;&#39;\uFFFD", Svg.escape("<a href=\"x\">&'\u0001"));
    assertEquals("-1.5", Svg.num(-1.5));
    assertEquals("0", Svg.num(-0.0001));
    assertEquals("3", Svg.num(3.0));
  }

  private static List<LossPoint> losses(int n, boolean withEval) {
    List<LossPoint> points = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      points.add(
          new LossPoint(
              i,
              2.0 / (i + 1),
              withEval ? OptionalDouble.of(2.5 / (i + 1)) : OptionalDouble.empty()));
    }
    return points;
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertRoot(Document doc) {
    Element root = doc.getDocumentElement();
    assertEquals("svg", root.getLocalName());
    assertEquals(Svg.NAMESPACE, root.getNamespaceURI());
    assertEquals("img", root.getAttribute("role"));
    assertTrue(root.getAttribute("viewBox").startsWith("0 0 "));
    assertEquals("title", ((Element) root.getElementsByTagName("*").item(0)).getTagName());
  }

  private static List<Element> withClass(Document doc, String cssClass) {
    List<Element> found = new ArrayList<>();
    NodeList all = doc.getElementsByTagName("*");
    for (int n = 0; n < all.getLength(); n++) {
      Element element = (Element) all.item(n);
      if (List.of(element.getAttribute("class").split(" ")).contains(cssClass)) {
        found.add(element);
      }
    }
    return found;
  }

  private static long count(List<Element> points, String series) {
    return points.stream().filter(p -> p.getAttribute("data-series").equals(series)).count();
  }
}
