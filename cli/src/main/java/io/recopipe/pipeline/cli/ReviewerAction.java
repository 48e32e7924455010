package io.recopipe.pipeline.cli;

import io.recopipe.pipeline.promotion.GcpPromotions;
import io.recopipe.pipeline.promotion.Promotions;
import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.review.Reviewer;
import io.recopipe.pipeline.runner.LocalRunner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What {@code models approve | reject | rollback} share: the home, the pipeline and the reviewer
 * token, authenticated before anything is decided, so each command only says what it does.
 */
abstract class ReviewerAction implements Callable<Integer> {
  @Mixin PipelineOption pipelineOption;

  @Mixin HomeOption home;

  @Mixin ReviewerToken token;

  @Mixin GcpReview gcp;

  @Spec CommandSpec spec;

  @Override
  public final Integer call() throws ReviewException {
    try (OpenHome opened = home.open()) {
      Reviewer reviewer = token.authenticate(opened.review().reviewers());
      if (gcp.isGcp()) {
        try (GcpReview.Opened cloud = gcp.open(opened)) {
          return actOnGcp(opened.runner(), cloud.promotions(), reviewer, pipelineOption.name);
        }
      }
      return act(opened.runner(), ModelsCommand.promotions(opened), reviewer, pipelineOption.name);
    }
  }

  /**
   * Does the action with {@code --profile gcp}: on the approvals, registry and audit log in Google
   * Cloud, for versions of Vertex AI pipelines and of this home's {@code run --profile gcp} runs.
   */
  abstract int actOnGcp(
      LocalRunner runner, GcpPromotions promotions, Reviewer reviewer, String pipeline)
      throws ReviewException;

  /** Does the action as {@code reviewer} on {@code pipeline}; returns the exit code. */
  abstract int act(LocalRunner runner, Promotions promotions, Reviewer reviewer, String pipeline)
      throws ReviewException;
}
