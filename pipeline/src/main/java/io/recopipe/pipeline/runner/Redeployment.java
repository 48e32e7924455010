package io.recopipe.pipeline.runner;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.Port;
import io.recopipe.components.api.StepLog;
import io.recopipe.model.error.OperationFailedException;
import io.recopipe.pipeline.artifacts.Directories;
import io.recopipe.pipeline.artifacts.StoredArtifact;
import io.recopipe.pipeline.config.StepParameterView;
import io.recopipe.pipeline.dsl.OutputRef;
import io.recopipe.pipeline.dsl.Step;
import io.recopipe.pipeline.metadata.ArtifactRepository;
import io.recopipe.pipeline.metadata.ExecutionRecord;
import io.recopipe.pipeline.metadata.ExecutionStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a pipeline's approval-requiring step (deploy) again with an earlier run's verified inputs
 * and parameters, outside any run, so a rollback serves exactly what that run deployed.
 */
final class Redeployment {
  private final RunSession session;

  /** A redeployment of {@code session}'s run (the earlier run, reopened read-only). */
  Redeployment(RunSession session) {
    this.session = session;
  }

  /** Runs the step; a failed check throws (the serving revision keeps serving). */
  void run() throws ComponentException, IOException {
    Step step =
        session.pipeline.steps().stream()
            .filter(Step::requiresApproval)
            .findFirst()
            .orElseThrow(
                () ->
                    new OperationFailedException(
                        "pipeline "
                            + session.pipeline.name()
                            + " has no step that requires approval to redeploy"));
    List<ExecutionRecord> executions = session.executions.forRun(session.runId);
    Map<String, Path> inputs = new LinkedHashMap<>();
    for (Map.Entry<String, OutputRef> input : step.inputs().entrySet()) {
      inputs.put(input.getKey(), session.directoryOf(output(executions, input.getValue())));
    }
    Path staging = session.artifacts.newStagingDirectory(session.runId, step.name() + "-redeploy");
    try {
      Map<String, Path> outputs = new LinkedHashMap<>();
      for (Port port : step.component().outputs()) {
        outputs.put(
            port.name(), java.nio.file.Files.createDirectories(staging.resolve(port.name())));
      }
      StepLog log =
          new StepLog() {
            @Override
            public void info(String line) {
              session.progress(step.name(), line);
            }

            @Override
            public void progress(String line) {
              session.progress(step.name(), line);
            }
          };
      step.component()
          .run(
              new LocalStepContext(
                  session,
                  step.name(),
                  inputs,
                  outputs,
                  StepParameterView.of(step.name(), session.parameters),
                  log));
    } finally {
      Directories.deleteRecursively(staging);
    }
  }

  private StoredArtifact output(List<ExecutionRecord> executions, OutputRef ref) {
    StoredArtifact found = null;
    for (ExecutionRecord execution : executions) {
      if (execution.step().equals(ref.step()) && execution.status() == ExecutionStatus.SUCCEEDED) {
        StoredArtifact artifact =
            session.lineage.linked(execution.id(), ArtifactRepository.OUTPUT).get(ref.port());
        found = artifact == null ? found : artifact;
      }
    }
    if (found == null || !session.artifacts.verify(found)) {
      throw new OperationFailedException(
          "run "
              + session.runId
              + " has no verified output "
              + ref.step()
              + "."
              + ref.port()
              + " to redeploy");
    }
    return found;
  }
}
