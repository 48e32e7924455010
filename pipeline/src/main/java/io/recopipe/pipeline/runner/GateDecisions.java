package io.recopipe.pipeline.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recopipe.pipeline.dsl.Condition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a gate decision artifact's {@code decision.json}; anything but an explicit
 * {@code "blessed": true} counts as not blessed, so a broken gate never lets a model through,
 * and its {@code review_required} reasons make the runner wait for a reviewer.
 */
final class GateDecisions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GateDecisions() {
  }

  /** Whether the decision in artifact directory {@code dir} blesses the model. */
  static boolean isBlessed(Path dir) {
    Path file = dir.resolve(Condition.DECISION_FILE);
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try {
      JsonNode blessed = JSON.readTree(file.toFile()).get("blessed");
      return blessed != null && blessed.isBoolean() && blessed.booleanValue();
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Why the decision in artifact directory {@code dir} requires a reviewer even under
   * {@code promotion.policy: auto} (its {@code review_required} list); empty when nothing does
   * or there is no decision. An unreadable decision never blesses, so it needs no reason here.
   */
  static List<String> reviewReasons(Path dir) {
    Path file = dir.resolve(Condition.DECISION_FILE);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      JsonNode reasons = JSON.readTree(file.toFile()).path("review_required");
      List<String> out = new ArrayList<>();
      reasons.forEach(reason -> out.add(reason.asText()));
      return List.copyOf(out);
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The decision's JSON text, or null when the file is missing or unreadable. */
  static String text(Path dir) {
    try {
      return Files.readString(dir.resolve(Condition.DECISION_FILE));
    } catch (IOException e) {
      return null;
    }
  }
}
