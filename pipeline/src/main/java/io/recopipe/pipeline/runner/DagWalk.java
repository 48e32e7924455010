package io.recopipe.pipeline.runner;

import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.Port;
import io.recopipe.components.gate.Gate;
import io.recopipe.pipeline.artifacts.StoredArtifact;
import io.recopipe.pipeline.config.StepParameterView;
import io.recopipe.pipeline.dsl.Condition;
import io.recopipe.pipeline.dsl.OutputRef;
import io.recopipe.pipeline.dsl.Step;
import io.recopipe.pipeline.dsl.TopologicalOrder;
import io.recopipe.pipeline.metadata.ExecutionRecord;
import io.recopipe.pipeline.metadata.ExecutionStatus;
import io.recopipe.pipeline.metadata.RunStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks a pipeline's steps in execution order for one run: decides for each whether it is skipped,
 * reused from this run (resume), reused from the cache or run, and stops at the first failure. A
 * gate that does not bless blocks everything downstream and makes the run GATED. After the {@value
 * LocalRunner#CHAMPION_STEP} step the run's model is drafted for registration at the commit point;
 * before a step that requires approval the {@link ApprovalGate} may hold the run for a reviewer,
 * and the step is skipped when the run's model already serves unchanged.
 */
final class DagWalk {
  /** The pseudo-input a step that reads the champion is keyed on (never a real port name). */
  static final String CHAMPION_KEY = "(champion)";

  /** How the walk ended; {@code badInput} when a step failed on the user's input data. */
  record Outcome(RunStatus status, String message, List<StepResult> steps, boolean badInput) {
    Outcome(RunStatus status, String message, List<StepResult> steps) {
      this(status, message, steps, false);
    }
  }

  private final RunSession session;
  private final StepExecutor executor;
  private final ReusableOutputs reusable;
  private final ApprovalGate approvalGate;
  private final VersionRegistration registration;
  private final Set<String> blocked = new HashSet<>();
  private final List<String> gates = new ArrayList<>();
  private final List<StepResult> results = new ArrayList<>();

  DagWalk(RunSession session) {
    this.session = session;
    this.executor = new StepExecutor(session);
    this.reusable = new ReusableOutputs(session);
    this.approvalGate = new ApprovalGate(session);
    this.registration = new VersionRegistration(session);
  }

  Outcome walk(boolean resuming) {
    List<ExecutionRecord> earlier = resuming ? session.executions.forRun(session.runId) : List.of();
    for (Step step : session.pipeline.executionOrder()) {
      StepResult result;
      try {
        Optional<ApprovalGate.Hold> hold =
            skipReason(step).isPresent() ? Optional.empty() : approvalGate.check(step);
        if (hold.isPresent()) {
          return new Outcome(hold.get().status(), hold.get().message(), results);
        }
        Optional<String> serving =
            step.requiresApproval() && skipReason(step).isEmpty()
                ? session.commit.alreadyServing()
                : Optional.empty();
        result = serving.isPresent() ? executor.skip(step, serving.get()) : visit(step, earlier);
        if (result.status() == ExecutionStatus.SUCCEEDED
            && step.name().equals(LocalRunner.CHAMPION_STEP)) {
          registration.draft(result, results);
        }
        if (result.status() == ExecutionStatus.SUCCEEDED) {
          registration.recordImage(result);
        }
      } catch (ComponentException e) {
        return new Outcome(RunStatus.FAILED, e.getMessage(), results);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Outcome(RunStatus.FAILED, "step " + step.name() + " was interrupted", results);
      } catch (Exception e) {
        org.slf4j.LoggerFactory.getLogger(DagWalk.class)
            .error("step " + step.name() + " failed", e);
        String message =
            "step " + step.name() + " failed: " + e.getClass().getName() + ": " + e.getMessage();
        return new Outcome(RunStatus.FAILED, message, results);
      }
      results.add(result);
      if (result.status() == ExecutionStatus.FAILED) {
        return new Outcome(
            session.wasRolledBack(step.name()) ? RunStatus.ROLLED_BACK : RunStatus.FAILED,
            result.message(),
            results,
            session.wasBadInput(step.name()));
      }
      if (result.status() == ExecutionStatus.SKIPPED) {
        blocked.add(step.name());
      } else {
        session.recordOutputs(step.name(), result.outputs());
        checkGates(step, result);
      }
    }
    return gates.isEmpty()
        ? new Outcome(RunStatus.SUCCEEDED, null, results)
        : new Outcome(RunStatus.GATED, String.join("; ", gates), results);
  }

  /** Why {@code step} is skipped (a false condition or a blocked upstream), if it is. */
  private Optional<String> skipReason(Step step) {
    Optional<Condition> condition = step.condition();
    if (condition.isPresent() && !holds(condition.get())) {
      return Optional.of("condition " + condition.get() + " is false");
    }
    for (String upstream : TopologicalOrder.upstreamOf(step)) {
      if (blocked.contains(upstream)) {
        return Optional.of("upstream step " + upstream + " was skipped or did not bless the model");
      }
    }
    return Optional.empty();
  }

  private StepResult visit(Step step, List<ExecutionRecord> earlier) throws Exception {
    Optional<String> skip = skipReason(step);
    if (skip.isPresent()) {
      return executor.skip(step, skip.get());
    }
    Map<String, StoredArtifact> inputs = new LinkedHashMap<>();
    step.inputs().forEach((port, ref) -> inputs.put(port, session.output(ref).orElseThrow()));
    Map<String, String> parameters = StepParameterView.of(step.name(), session.parameters);
    Map<String, StoredArtifact> keyed = inputs;
    if (step.component().readsChampion()) {
      Optional<StoredArtifact> champion = session.championArtifact();
      if (champion.isPresent()) {
        keyed = new LinkedHashMap<>(inputs);
        keyed.put(CHAMPION_KEY, champion.get());
      }
    }
    String key = CacheKey.of(step.component(), keyed, parameters);
    if (!earlier.isEmpty()) {
      Optional<ReusableOutputs.Found> done = reusable.inRun(step, key, earlier);
      if (done.isPresent()) {
        Map<String, Path> inputDirs = new LinkedHashMap<>();
        inputs.forEach((port, artifact) -> inputDirs.put(port, session.directoryOf(artifact)));
        return executor.reuseFromRun(step, done.get().execution(), inputDirs, done.get().outputs());
      }
    }
    session.progress(step.name(), "cache key " + key);
    boolean stepOff =
        !step.cacheable() || StepParameterView.cacheDisabled(step.name(), session.parameters);
    if (stepOff || session.options.noCache()) {
      session.progress(step.name(), "cache off" + (stepOff ? " for this step" : " for this run"));
    } else {
      Optional<ReusableOutputs.Found> hit = reusable.byCacheKey(step, key);
      if (hit.isPresent()) {
        return executor.cacheHit(step, key, inputs, hit.get().execution(), hit.get().outputs());
      }
      session.progress(step.name(), "cache miss");
    }
    return executor.run(step, key, inputs, parameters);
  }

  private boolean holds(Condition condition) {
    OutputRef source = condition.source();
    if (blocked.contains(source.step())) {
      return false;
    }
    return session
        .output(source)
        .map(artifact -> Gate.blesses(session.directoryOf(artifact)))
        .orElse(false);
  }

  private void checkGates(Step step, StepResult result) {
    for (Port port : step.component().outputs()) {
      StoredArtifact decision = result.outputs().get(port.name());
      if (port.type() == ArtifactType.GATE_DECISION
          && decision != null
          && !Gate.blesses(session.directoryOf(decision))) {
        blocked.add(step.name());
        gates.add(
            "step "
                + step.name()
                + " did not bless the model ("
                + decision.uri()
                + "); nothing downstream ran");
      }
    }
  }
}
