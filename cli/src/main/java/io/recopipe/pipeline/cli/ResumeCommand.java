package io.recopipe.pipeline.cli;

import io.recopipe.model.error.InvalidInputException;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import io.recopipe.pipeline.runner.LocalRunner;
import io.recopipe.pipeline.runner.RunOptions;
import io.recopipe.pipeline.runner.RunResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe resume RUN_ID}: continues a failed or killed run from its first unfinished step,
 * reusing (after re-verifying their hashes) the outputs of the steps that finished.
 */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = "Continues a failed or killed run from its first unfinished step.")
final class ResumeCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_ID", description = "The run to continue.")
  String runId;

  @Mixin HomeOption home;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    io.recopipe.pipeline.home.NativeLibraries.preload();
    try (LocalRunner runner = home.runner()) {
      runner
          .resumeBlocker(runId)
          .ifPresent(
              reason -> {
                throw new InvalidInputException("cannot resume " + runId + ": " + reason);
              });
      RunResult result =
          runner.resume(MovieLensMfPipeline.definition(), runId, RunOptions.to(System.out));
      var report = runner.history().show(runId);
      return RunSummary.print(
          result,
          report,
          DeployedEndpoint.of(runner.history(), report),
          spec.commandLine().getOut(),
          spec.commandLine().getErr());
    }
  }
}
