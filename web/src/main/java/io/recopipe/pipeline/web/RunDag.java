package io.recopipe.pipeline.web;

import io.recopipe.pipeline.dsl.OutputRef;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.dsl.Step;
import io.recopipe.pipeline.insight.DagNode;
import io.recopipe.pipeline.runner.RunHistory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a recorded run into DAG nodes: edges from the pipeline definition (steps never reached
 * still appear, as NOT_RUN), status and timing from each step's latest execution, so a resumed run
 * shows how it finally went.
 */
final class RunDag {
  private RunDag() {}

  /** The latest execution of each step of {@code report}, by step, in start order. */
  static Map<String, RunHistory.ExecutionReport> latest(RunHistory.RunReport report) {
    Map<String, RunHistory.ExecutionReport> latest = new LinkedHashMap<>();
    report.executions().forEach(e -> latest.put(e.execution().step(), e));
    return latest;
  }

  /** The nodes of {@code report}; edges from {@code definition} when the server knows it. */
  static List<DagNode> nodes(RunHistory.RunReport report, Optional<Pipeline> definition) {
    Map<String, RunHistory.ExecutionReport> latest = latest(report);
    List<DagNode> nodes = new ArrayList<>();
    if (definition.isPresent()) {
      for (Step step : definition.get().executionOrder()) {
        List<String> upstream =
            step.inputs().values().stream().map(OutputRef::step).distinct().toList();
        nodes.add(node(step.name(), latest.get(step.name()), upstream));
      }
    } else {
      latest.forEach((step, execution) -> nodes.add(node(step, execution, List.of())));
    }
    return nodes;
  }

  private static DagNode node(
      String step, RunHistory.ExecutionReport execution, List<String> upstream) {
    if (execution == null) {
      return new DagNode(step, "NOT_RUN", -1, false, upstream);
    }
    Long millis = execution.execution().durationMs();
    return new DagNode(
        step,
        execution.execution().status().name(),
        millis == null ? -1 : millis,
        execution.execution().cacheHit(),
        upstream);
  }
}
