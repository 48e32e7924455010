package io.recopipe.components.gate;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.evaluate.MetricsReport;
import io.recopipe.model.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The promotion gate behind one interface: whether a candidate may replace the champion (its
 * metrics against the explicit or implicit thresholds, its data and response contract against the
 * champion's) and, once a run recorded that decision, whether it blessed the model and what a
 * reviewer must look at. The gate step, the runner and the review pages ask this interface instead
 * of each reading thresholds or {@code decision.json} their own way; whether a blessed model also
 * waits for a reviewer is the run's {@link PromotionRule}.
 */
public interface Gate {

  /**
   * Decides on the candidate in {@code report}: the metric checks, then the comparison with the
   * champion's bundle ({@code versus}), whose drifted data withholds the blessing and whose changed
   * contract or incomparable data lands in {@code review_required}.
   */
  GateDecision decide(MetricsReport report, ChampionComparison versus);

  /** The gate that applies {@code thresholds}. */
  static Gate of(GateThresholds thresholds) {
    return new ThresholdGate(thresholds);
  }

  /**
   * Whether the decision recorded in GATE_DECISION artifact directory {@code dir} blesses the
   * model; anything but an explicit {@code "blessed": true} (no file, an unreadable one) counts as
   * not blessed, so a broken gate never lets a model through.
   */
  static boolean blesses(Path dir) {
    if (!Files.isRegularFile(dir.resolve(GateDecision.FILE))) {
      return false;
    }
    try {
      return GateDecision.isBlessed(dir);
    } catch (ComponentException e) {
      return false;
    }
  }

  /**
   * Why the decision recorded in {@code dir} needs a reviewer even under {@code promotion.policy:
   * auto} (its {@code review_required} list); empty when nothing does or there is no readable
   * decision, which never blesses and so needs no reason.
   */
  static List<String> reviewRequired(Path dir) {
    Optional<String> text = recorded(dir);
    if (text.isEmpty()) {
      return List.of();
    }
    try {
      JsonNode decision = Json.parse(text.get());
      if (!decision.isObject()) {
        return List.of();
      }
      JsonNode reasons = decision.get("review_required");
      List<String> out = new ArrayList<>();
      if (reasons != null && !reasons.isNull()) {
        if (!reasons.isArray()) {
          return List.of();
        }
        for (JsonNode reason : reasons) {
          out.add(reason.isTextual() ? reason.asText() : Json.compact(reason));
        }
      }
      return List.copyOf(out);
    } catch (IllegalArgumentException e) { // malformed JSON (JsonInputException) included
      return List.of();
    }
  }

  /** The text of the decision recorded in {@code dir}; empty when it is missing or unreadable. */
  static Optional<String> recorded(Path dir) {
    try {
      return Optional.of(Files.readString(dir.resolve(GateDecision.FILE)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
