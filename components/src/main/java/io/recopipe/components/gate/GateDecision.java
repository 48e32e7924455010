package io.recopipe.components.gate;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.steps.StepFiles;
import io.recopipe.components.validation.ContractChange;
import io.recopipe.components.validation.DataCheck;
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
 * @param contractChanges how the candidate's response contract differs from the champion's
 * @param dataChecks      the comparisons of the run's data with the champion's
 * @param reviewRequired  why a reviewer must approve even under {@code promotion.policy: auto}
 *                        (empty: nothing forces review)
 */
public record GateDecision(boolean blessed, boolean firstRun, List<GateCheck> checks,
    String summary, List<ContractChange> contractChanges, List<DataCheck> dataChecks,
    List<String> reviewRequired) {

  /** The file name inside the GATE_DECISION artifact. */
  public static final String FILE = "decision.json";

  /** Copies the lists. */
  public GateDecision {
    checks = List.copyOf(checks);
    contractChanges = List.copyOf(contractChanges);
    dataChecks = List.copyOf(dataChecks);
    reviewRequired = List.copyOf(reviewRequired);
  }

  /** A decision on the metrics alone: no champion data or contract compared. */
  GateDecision(boolean blessed, boolean firstRun, List<GateCheck> checks, String summary) {
    this(blessed, firstRun, checks, summary, List.of(), List.of(), List.of());
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
    List<JsonValue> changes = new ArrayList<>();
    for (ContractChange change : contractChanges) {
      changes.add(JsonObject.builder().put("field", change.field())
          .put("champion", change.champion()).put("candidate", change.candidate()).build());
    }
    List<JsonValue> data = new ArrayList<>();
    for (DataCheck check : dataChecks) {
      data.add(JsonObject.builder().put("name", check.name())
          .put("value", StepFiles.number(check.value()))
          .put("threshold", StepFiles.number(check.threshold()))
          .put("outcome", check.outcome().jsonName()).put("detail", check.detail()).build());
    }
    List<JsonValue> reasons = new ArrayList<>();
    reviewRequired.forEach(reason -> reasons.add(JsonValue.of(reason)));
    return JsonObject.builder().put("blessed", blessed).put("first_run", firstRun)
        .put("checks", JsonArray.of(list)).put("summary", summary)
        .put("contract_changes", JsonArray.of(changes)).put("data_checks", JsonArray.of(data))
        .put("review_required", JsonArray.of(reasons)).build();
  }
}
