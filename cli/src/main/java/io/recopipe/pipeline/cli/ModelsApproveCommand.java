package io.recopipe.pipeline.cli;

import io.recopipe.pipeline.promotion.GcpPromotions;
import io.recopipe.pipeline.promotion.Promotions;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.review.Reviewer;
import io.recopipe.pipeline.runner.LocalRunner;
import io.recopipe.pipeline.runner.RunOptions;
import io.recopipe.pipeline.runner.RunResult;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code recopipe models approve V --comment C}: a reviewer approves a waiting version; its run
 * resumes at once, deploys and makes the version champion.
 */
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description =
        "Approves a waiting model version and resumes its run to deploy it. Exit "
            + "codes: as recopipe run for the resumed run; 8 refused.")
final class ModelsApproveCommand extends ReviewerAction {
  @Parameters(paramLabel = "VERSION", description = "The registry version number.")
  int version;

  @Option(
      names = "--comment",
      required = true,
      paramLabel = "TEXT",
      description = "Why (recorded in the registry history and the audit log).")
  String comment;

  @Override
  int actOnGcp(LocalRunner runner, GcpPromotions promotions, Reviewer reviewer, String pipeline)
      throws ReviewException {
    GcpPromotions.Approved approved =
        promotions.approve(pipeline, version, reviewer, comment, RunOptions.to(System.out));
    if (approved.resumed().isPresent()) {
      return summary(runner, approved.resumed().get());
    }
    Map<String, Object> endpoint = approved.endpoint();
    spec.commandLine()
        .getOut()
        .println(
            ModelRegistry.subject(pipeline, version)
                + " approved by "
                + reviewer.name()
                + " and deployed: "
                + endpoint);
    return ExitCodes.OK;
  }

  @Override
  int act(LocalRunner runner, Promotions promotions, Reviewer reviewer, String pipeline)
      throws ReviewException {
    return summary(
        runner,
        promotions.approve(pipeline, version, reviewer, comment, RunOptions.to(System.out)));
  }

  /** Prints how the resumed run ended; returns its exit code. */
  private int summary(LocalRunner runner, RunResult result) {
    var report = runner.history().show(result.runId());
    return RunSummary.print(
        result,
        report,
        DeployedEndpoint.of(runner.history(), report),
        spec.commandLine().getOut(),
        spec.commandLine().getErr());
  }
}
