package io.recopipe.pipeline.web;

import io.recopipe.pipeline.insight.GateReview;
import java.util.Optional;

/**
 * The review page's account of what the gate found beside the metrics: a banner when review is
 * required (a changed response contract, data not comparable with the champion's), so no
 * reviewer approves without seeing it, and the table of every data check.
 */
final class GateReviewSections {
  private GateReviewSections() {
  }

  /** The banner listing why review is required and each contract change; nothing otherwise. */
  static void banner(Html body, GateReview review) {
    if (review.reviewRequired().isEmpty()) {
      return;
    }
    body.raw("<div class=\"banner\" id=\"review-required\" role=\"alert\">")
        .element("strong", "Review required: the gate would not promote this model on its own.")
        .raw("<ul>");
    for (String reason : review.reviewRequired()) {
      body.element("li", reason);
    }
    body.raw("</ul>");
    if (!review.contractChanges().isEmpty()) {
      body.raw("<table id=\"contract-changes\">").headerRow("Response contract", "Champion",
          "Candidate");
      for (GateReview.ContractField change : review.contractChanges()) {
        body.row(change.field(), change.champion(), change.candidate());
      }
      body.raw("</table>");
    }
    body.raw("</div>");
  }

  /** The data checks against the champion's data; nothing when the gate made none. */
  static void dataChecks(Html body, GateReview review) {
    if (review.dataChecks().isEmpty()) {
      return;
    }
    body.element("h2", "Data checks against the champion's data")
        .raw("<table id=\"data-checks\">")
        .headerRow("Check", "Value", "Threshold", "Outcome", "Detail");
    for (GateReview.DataCheckRow check : review.dataChecks()) {
      body.raw("<tr><td>").element("code", check.name())
          .raw("</td><td class=\"num\">").text(number(check.value()))
          .raw("</td><td class=\"num\">").text(number(check.threshold()))
          .raw("</td><td class=\"").text(check.outcome()).raw("\">")
          .text(check.outcome().replace('_', ' '))
          .raw("</td><td>").text(check.detail()).raw("</td></tr>");
    }
    body.raw("</table>");
  }

  private static String number(Optional<Double> value) {
    return value.map(Formats::number).orElse("–");
  }
}
