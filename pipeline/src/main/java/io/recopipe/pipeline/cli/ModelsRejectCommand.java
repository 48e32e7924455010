package io.recopipe.pipeline.cli;

import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.review.Reviewer;
import io.recopipe.pipeline.runner.LocalRunner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe models reject V --comment C}: a reviewer refuses a waiting version; its run
 * ends REJECTED and nothing is deployed.
 */
@Command(name = "reject", mixinStandardHelpOptions = true,
    description = "Rejects a waiting model version; its run ends REJECTED. Exit codes: 0 "
        + "rejected, 8 refused.")
final class ModelsRejectCommand implements Callable<Integer> {
  @Parameters(paramLabel = "VERSION", description = "The registry version number.")
  int version;

  @Option(names = "--comment", required = true, paramLabel = "TEXT",
      description = "Why (recorded in the audit log).")
  String comment;

  @Mixin
  PipelineOption pipelineOption;

  @Mixin
  HomeOption home;

  @Mixin
  ReviewerToken token;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws ReviewException {
    String pipeline = pipelineOption.name;
    try (LocalRunner runner = home.runner()) {
      Reviewer reviewer = token.authenticate(runner);
      ModelsCommand.promotions(runner).reject(pipeline, version, reviewer, comment);
      spec.commandLine().getOut().println(ModelRegistry.subject(pipeline, version)
          + " rejected by " + reviewer.name() + "; nothing was deployed");
      return ExitCodes.OK;
    }
  }
}
