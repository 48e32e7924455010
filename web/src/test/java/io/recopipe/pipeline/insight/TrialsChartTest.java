package io.recopipe.pipeline.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TrialsChartTest {
  @TempDir Path tmp;

  private static final String TRIALS =
      """
      {"objective": "mean_squared_error", "higher_is_better": false, "trials": [
        {"trial_id": 1, "num_factors": 4, "l2_reg": 0.01, "objective": 0.95,
         "status": "SUCCEEDED", "is_optimal": false},
        {"trial_id": 2, "num_factors": 40, "l2_reg": 1.0, "objective": 0.81,
         "status": "SUCCEEDED", "is_optimal": true},
        {"trial_id": 3, "num_factors": 64, "l2_reg": 10.0, "objective": null,
         "status": "FAILED", "is_optimal": false}]}
      """;

  @Test
  void readsTrialsAndDrawsSucceededOnesWithTheBestRinged() throws Exception {
    Files.writeString(tmp.resolve("trials.json"), TRIALS);
    TuningTrials trials = TuningTrials.read(tmp).orElseThrow();
    assertEquals(3, trials.trials().size());
    assertTrue(Double.isNaN(trials.trials().get(2).objective()));

    Document svg =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(
                new ByteArrayInputStream(
                    SvgCharts.trialsChart(trials).getBytes(StandardCharsets.UTF_8)));
    NodeList circles = svg.getElementsByTagName("circle");
    assertEquals(2, circles.getLength(), "the failed trial has no point");
    Element best = (Element) circles.item(1);
    assertEquals("point best", best.getAttribute("class"));
    assertEquals("2", best.getAttribute("data-trial"));
    Element small = (Element) circles.item(0);
    assertTrue(
        Double.parseDouble(small.getAttribute("r")) < Double.parseDouble(best.getAttribute("r")),
        "size grows with num_factors");
    assertTrue(
        Double.parseDouble(small.getAttribute("cx")) < Double.parseDouble(best.getAttribute("cx")),
        "x grows with l2_reg");
  }

  @Test
  void noTrialsMeansNoSection() throws Exception {
    assertEquals(Optional.empty(), TuningTrials.read(tmp));
    Files.writeString(
        tmp.resolve("trials.json"),
        "{\"objective\": \"mean_squared_error\", "
            + "\"higher_is_better\": false, \"trials\": []}");
    assertEquals(Optional.empty(), TuningTrials.read(tmp));
  }
}
