package io.recopipe.components.steps;

import io.recopipe.components.api.ComponentException;
import io.recopipe.model.json.JsonArray;
import io.recopipe.model.json.JsonObject;
import io.recopipe.model.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the gate decided and why, as written to {@code decision.json}; the runner reads
 * {@link #blessed} to end a run GATED rather than FAILED, and users read the checks.
 *
 * @param blessed  whether the candidate may go downstream (export, deploy)
 * @param firstRun whether there was no champion, so only absolute thresholds applied
 * @param checks   every configured check, applied or skipped
 * @param summary  one sentence explaining the decision
 */
public record GateDecision(boolean blessed, boolean firstRun, List<GateCheck> checks,
    String summary) {

  /** The file name inside the GATE_DECISION artifact. */
  public static final String FILE = "decision.json";

  /** Copies the checks. */
  public GateDecision {
    checks = List.copyOf(checks);
  }

  /**
   * Reads whether the decision in GATE_DECISION artifact directory {@code dir} blessed the model.
   *
   * @throws ComponentException when the file is missing or malformed
   */
  public static boolean isBlessed(Path dir) throws ComponentException {
    JsonObject json = StepFiles.readJson(GateComponent.NAME, dir.resolve(FILE));
    try {
      return json.getBoolean("blessed");
    } catch (IllegalArgumentException e) {
      throw new ComponentException(GateComponent.NAME + ": " + dir.resolve(FILE) + ": "
          + e.getMessage(), e);
    }
  }

  /** The JSON form. */
  JsonObject toJson() {
    List<JsonValue> list = new ArrayList<>();
    for (GateCheck check : checks) {
      list.add(check.toJson());
    }
    return JsonObject.builder().put("blessed", blessed).put("first_run", firstRun)
        .put("checks", JsonArray.of(list)).put("summary", summary).build();
  }
}
