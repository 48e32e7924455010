package io.recopipe.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HybridSectionTest {
  @Test
  void showsHybridBesideMfAndTheColdStartComparison() {
    String html =
        Page.render(
            "hybrid.jte",
            InsightSections.hybridRows(
                Map.of(
                    "mf_root_mean_squared_error",
                    0.9204,
                    "hybrid_root_mean_squared_error",
                    0.919,
                    "mf_r2_score",
                    0.33,
                    "hybrid_r2_score",
                    0.34,
                    "cold_start_users",
                    46.0,
                    "hybrid_cold_rmse",
                    1.02,
                    "intercept_only_cold_rmse",
                    1.04)));
    assertTrue(html.contains("<table id=\"hybrid\">"), html);
    assertTrue(
        html.contains(
            "root_mean_squared_error</td><td class=\"num\">"
                + Formats.number(0.9204)
                + "</td><td class=\"num\">"
                + Formats.number(0.919)),
        html);
    assertTrue(
        html.contains(
            "cold-start rmse (46 users; MF = intercept-only)</td>"
                + "<td class=\"num\">"
                + Formats.number(1.04)
                + "</td><td class=\"num\">"
                + Formats.number(1.02)),
        html);
    assertTrue(html.contains("mean_absolute_error</td><td class=\"num\">–"), "absent → dash");
  }

  @Test
  void showsNothingWhenTheRunHadNoEnabledHybridStep() {
    assertEquals("", Page.render("hybrid.jte", InsightSections.hybridRows(Map.of())));
  }
}
