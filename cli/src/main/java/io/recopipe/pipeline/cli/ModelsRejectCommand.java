package io.recopipe.pipeline.cli;

import io.recopipe.pipeline.promotion.GcpPromotions;
import io.recopipe.pipeline.promotion.Promotions;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.review.Reviewer;
import io.recopipe.pipeline.runner.LocalRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code recopipe models reject V --comment C}: a reviewer refuses a waiting version; its run ends
 * REJECTED and nothing is deployed.
 */
@Command(
    name = "reject",
    mixinStandardHelpOptions = true,
    description =
        "Rejects a waiting model version; its run ends REJECTED. Exit codes: 0 "
            + "rejected, 8 refused.")
final class ModelsRejectCommand extends ReviewerAction {
  @Parameters(paramLabel = "VERSION", description = "The registry version number.")
  int version;

  @Option(
      names = "--comment",
      required = true,
      paramLabel = "TEXT",
      description = "Why (recorded in the audit log).")
  String comment;

  @Override
  int actOnGcp(LocalRunner runner, GcpPromotions promotions, Reviewer reviewer, String pipeline)
      throws ReviewException {
    promotions.reject(pipeline, version, reviewer, comment);
    spec.commandLine()
        .getOut()
        .println(
            ModelRegistry.subject(pipeline, version)
                + " rejected by "
                + reviewer.name()
                + "; nothing was deployed");
    return ExitCodes.OK;
  }

  @Override
  int act(LocalRunner runner, Promotions promotions, Reviewer reviewer, String pipeline)
      throws ReviewException {
    promotions.reject(pipeline, version, reviewer, comment);
    spec.commandLine()
        .getOut()
        .println(
            ModelRegistry.subject(pipeline, version)
                + " rejected by "
                + reviewer.name()
                + "; nothing was deployed");
    return ExitCodes.OK;
  }
}
