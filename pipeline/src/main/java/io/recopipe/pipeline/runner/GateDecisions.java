package io.recopipe.pipeline.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recopipe.pipeline.dsl.Condition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a gate decision artifact's {@code decision.json}; anything but an explicit
 * {@code "blessed": true} counts as not blessed, so a broken gate never lets a model through.
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

  /** The decision's JSON text, or null when the file is missing or unreadable. */
  static String text(Path dir) {
    try {
      return Files.readString(dir.resolve(Condition.DECISION_FILE));
    } catch (IOException e) {
      return null;
    }
  }
}
