package io.recopipe.components.gate;

import io.recopipe.components.api.AbstractComponent;
import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.Port;
import io.recopipe.components.api.StepContext;
import io.recopipe.components.evaluate.MetricsReport;
import io.recopipe.components.steps.StepFiles;
import io.recopipe.components.validation.DataCheck;
import java.util.List;
import java.util.Map;

/**
 * The {@code gate} step, a thin step over {@link Gate}: decides from evaluate's metrics whether the
 * candidate may replace the champion and writes {@code decision.json} with every check; "not
 * blessed" is a decision, not an error, so the step succeeds and the runner reads {@code blessed}
 * to stop the run as GATED.
 *
 * <p>Parameters: {@code r2_min} (default 0.2, see {@link GateThresholds}), {@code rmse_max}, {@code
 * max_regression_abs}, {@code max_regression_rel} (each off unless set; {@code none} switches any
 * off), {@code auto_bless} (default false) and the data thresholds ({@link
 * io.recopipe.components.validation.DataThresholds}).
 *
 * <p>With a champion, the gate also compares the candidate bundle (optional input {@code model})
 * and the run's data (optional input {@code dataset}) with the champion's bundle: a changed
 * response contract, a changed data schema, or data the champion barely overlaps (its
 * change-vs-champion checks are then reported {@code not_comparable}) leaves the blessing to the
 * metric checks but lists the reason in {@code review_required}, so the runner waits for a reviewer
 * even under {@code promotion.policy: auto}; rows or ratings drifting beyond their thresholds
 * withhold the blessing.
 */
public final class GateComponent extends AbstractComponent {
  /** The component name. */
  public static final String NAME = "gate";

  /** Creates the component. */
  public GateComponent() {
    super(
        NAME,
        "2",
        List.of(
            Port.of("metrics", ArtifactType.METRICS),
            Port.optional("dataset", ArtifactType.DATASET),
            Port.optional("model", ArtifactType.MODEL)),
        List.of(Port.of("decision", ArtifactType.GATE_DECISION)));
  }

  /** The gate compares the candidate's contract and data with the champion's bundle. */
  @Override
  public boolean readsChampion() {
    return true;
  }

  /** Checks the parameters with the same parse {@link #run} starts with. */
  @Override
  public void validate(Map<String, String> parameters) throws ComponentException {
    GateThresholds.parse(NAME, parameters);
  }

  @Override
  public void run(StepContext context) throws ComponentException {
    GateThresholds thresholds = GateThresholds.parse(NAME, context.parameters());
    MetricsReport report =
        MetricsReport.fromJson(
            StepFiles.readJson(NAME, context.input("metrics").resolve(MetricsReport.FILE)));
    GateDecision decision =
        Gate.of(thresholds).decide(report, ChampionComparison.of(context, thresholds.data()));
    StepFiles.writeJson(
        NAME, context.output("decision").resolve(GateDecision.FILE), decision.toJson());
    for (GateCheck check : decision.checks()) {
      context
          .log()
          .info(
              check.name()
                  + ": "
                  + (check.applied() ? (check.passed() ? "passed" : "FAILED") + " - " : "")
                  + check.detail());
    }
    for (DataCheck check : decision.dataChecks()) {
      context.log().info(check.name() + ": " + check.outcome().jsonName() + " - " + check.detail());
    }
    context.log().progress(decision.summary());
    context.metric("blessed", decision.blessed() ? 1 : 0);
  }
}
