package io.recopipe.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.insight.TuningTrials;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialsSectionTest {
  @Test
  void marksTheBestTrialAndDashesWhatWasNotMeasured() {
    TuningTrials trials =
        new TuningTrials(
            "rmse",
            false,
            List.of(
                new TuningTrials.Point(1, 8, 0.1, Double.NaN, 0.95, "SUCCEEDED", false),
                new TuningTrials.Point(2, 16, 1.0, 40, 0.91, "SUCCEEDED", true)));
    String html =
        Page.render("trials.jte", Map.of("trials", trials, "chart", "<svg id=\"chart\"></svg>"));
    assertTrue(
        html.contains(
            "<h2>Tuning trials (rmse on the validation split, lower is better)" + "</h2>"),
        html);
    assertTrue(
        html.contains(
            "<div class=\"chart\" id=\"trials-chart\"><svg id=\"chart\"></svg>" + "</div>"),
        html);
    assertTrue(
        html.contains(
            "<tr><td class=\"num\">1</td><td class=\"num\">8</td>"
                + "<td class=\"num\">0.1000</td><td class=\"num\">–</td><td class=\"num\">0.9500</td>"
                + "<td>SUCCEEDED</td></tr>"),
        html);
    assertTrue(html.contains("<tr class=\"best\"><td class=\"num\">2 (best)</td>"), html);
  }
}
