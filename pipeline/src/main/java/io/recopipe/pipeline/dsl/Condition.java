package io.recopipe.pipeline.dsl;

/**
 * When a step runs at all, kept as data (not a lambda) so that it can be checked before running and
 * compiled to a KFP {@code dsl.If} later.
 *
 * @param source the GATE_DECISION output whose {@code decision.json} is tested
 */
public record Condition(OutputRef source) {
  /** The file inside a gate decision artifact holding {@code "blessed": true|false}. */
  public static final String DECISION_FILE = "decision.json";

  /** Run only when the gate decision at {@code step.port} has {@code "blessed": true}. */
  public static Condition whenBlessed(String step, String port) {
    return new Condition(OutputRef.from(step, port));
  }

  @Override
  public String toString() {
    return "blessed(" + source + ")";
  }
}
