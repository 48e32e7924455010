package io.recopipe.pipeline.cli;

import io.recopipe.pipeline.promotion.GcpPromotions;
import io.recopipe.pipeline.promotion.Promotions;
import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.review.Reviewer;
import io.recopipe.pipeline.runner.LocalRunner;
import io.recopipe.pipeline.runner.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code recopipe models rollback --reason R}: redeploys the {@code previous} version and makes it
 * champion again, the one command that takes a bad model out of service.
 */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description =
        "Redeploys the previous champion and makes it champion again. Exit codes: 0 "
            + "rolled back, 8 refused (e.g. no previous version), 1 the redeploy failed.")
final class ModelsRollbackCommand extends ReviewerAction {
  @Option(
      names = "--reason",
      required = true,
      paramLabel = "TEXT",
      description = "Why (recorded in the registry history and the audit log).")
  String reason;

  @Override
  int actOnGcp(LocalRunner runner, GcpPromotions promotions, Reviewer reviewer, String pipeline)
      throws ReviewException {
    return rolledBack(
        pipeline,
        reviewer,
        promotions.rollback(pipeline, reviewer, reason, RunOptions.to(System.out)));
  }

  @Override
  int act(LocalRunner runner, Promotions promotions, Reviewer reviewer, String pipeline)
      throws ReviewException {
    return rolledBack(
        pipeline,
        reviewer,
        promotions.rollback(pipeline, reviewer, reason, RunOptions.to(System.out)));
  }

  private int rolledBack(String pipeline, Reviewer reviewer, int champion) {
    spec.commandLine()
        .getOut()
        .println(
            pipeline
                + ": champion is v"
                + champion
                + " again "
                + "(rolled back by "
                + reviewer.name()
                + ")");
    return ExitCodes.OK;
  }
}
