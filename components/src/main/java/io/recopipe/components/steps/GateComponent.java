package io.recopipe.components.steps;

import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.api.AbstractComponent;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.Port;
import io.recopipe.components.api.StepContext;
import java.util.List;
import java.util.Map;

/**
 * The {@code gate} step: decides from evaluate's metrics whether the candidate may replace the
 * champion and writes {@code decision.json} with every check; "not blessed" is a decision, not an
 * error, so the step succeeds and the runner reads {@code blessed} to stop the run as GATED.
 *
 * <p>Parameters: {@code r2_min} (default 0.2, see {@link GateThresholds}), {@code rmse_max},
 * {@code max_regression_abs}, {@code max_regression_rel} (each off unless set; {@code none}
 * switches any off) and {@code auto_bless} (default false).
 */
public final class GateComponent extends AbstractComponent {
  /** The component name. */
  public static final String NAME = "gate";

  /** Creates the component. */
  public GateComponent() {
    super(NAME, "1", List.of(Port.of("metrics", ArtifactType.METRICS)),
        List.of(Port.of("decision", ArtifactType.GATE_DECISION)));
  }

  /** Checks the parameters with the same parse {@link #run} starts with. */
  @Override
  public void validate(Map<String, String> parameters) throws ComponentException {
    GateThresholds.parse(NAME, parameters);
  }

  @Override
  public void run(StepContext context) throws ComponentException {
    GateThresholds thresholds = GateThresholds.parse(NAME, context.parameters());
    MetricsReport report = MetricsReport.fromJson(StepFiles.readJson(NAME,
        context.input("metrics").resolve(MetricsReport.FILE)));
    GateDecision decision = GateRules.decide(report, thresholds);
    StepFiles.writeJson(NAME, context.output("decision").resolve(GateDecision.FILE),
        decision.toJson());
    for (GateCheck check : decision.checks()) {
      context.log().info(check.name() + ": " + (check.applied()
          ? (check.passed() ? "passed" : "FAILED") + " - " : "") + check.detail());
    }
    context.log().progress(decision.summary());
    context.metric("blessed", decision.blessed() ? 1 : 0);
  }
}
