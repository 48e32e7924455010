package io.recopipe.components.gate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.steps.StepFiles;
import io.recopipe.components.validation.ContractChange;
import io.recopipe.components.validation.DataCheck;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.nio.file.Path;
import java.util.List;

/**
 * What the gate decided and why, as written to {@code decision.json}; the runner reads {@link
 * #blessed} to end a run GATED rather than FAILED, and users read the checks.
 *
 * @param blessed whether the candidate may go downstream (export, deploy)
 * @param firstRun whether there was no champion, so only absolute thresholds applied
 * @param checks every configured check, applied or skipped
 * @param summary one sentence explaining the decision
 * @param contractChanges how the candidate's response contract differs from the champion's
 * @param dataChecks the comparisons of the run's data with the champion's
 * @param reviewRequired why a reviewer must approve even under {@code promotion.policy: auto}
 *     (empty: nothing forces review)
 */
public record GateDecision(
    boolean blessed,
    boolean firstRun,
    List<GateCheck> checks,
    String summary,
    List<ContractChange> contractChanges,
    List<DataCheck> dataChecks,
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
    ObjectNode json = StepFiles.readJson(GateComponent.NAME, dir.resolve(FILE));
    try {
      return JsonFields.bool(json, "blessed");
    } catch (IllegalArgumentException e) {
      throw new ComponentException(
          GateComponent.NAME + ": " + dir.resolve(FILE) + ": " + e.getMessage(), e);
    }
  }

  /** The JSON form. */
  ObjectNode toJson() {
    ObjectNode json = Json.object().put("blessed", blessed).put("first_run", firstRun);
    ArrayNode list = json.putArray("checks");
    for (GateCheck check : checks) {
      list.add(check.toJson());
    }
    json.put("summary", summary);
    ArrayNode changes = json.putArray("contract_changes");
    for (ContractChange change : contractChanges) {
      changes
          .addObject()
          .put("field", change.field())
          .put("champion", change.champion())
          .put("candidate", change.candidate());
    }
    ArrayNode data = json.putArray("data_checks");
    for (DataCheck check : dataChecks) {
      ObjectNode item = data.addObject().put("name", check.name());
      item.set("value", StepFiles.number(check.value()));
      item.set("threshold", StepFiles.number(check.threshold()));
      item.put("outcome", check.outcome().jsonName()).put("detail", check.detail());
    }
    ArrayNode reasons = json.putArray("review_required");
    reviewRequired.forEach(reasons::add);
    return json;
  }
}
