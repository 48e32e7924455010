package io.recopipe.pipeline.cli;

import io.recopipe.pipeline.promotion.Promotions;
import io.recopipe.pipeline.registry.ModelRegistry;
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

  @Spec CommandSpec spec;

  @Override
  public final Integer call() throws ReviewException {
    try (ModelRegistry registry = home.registry();
        LocalRunner runner = home.runner(registry)) {
      Reviewer reviewer = token.authenticate(runner);
      return act(runner, ModelsCommand.promotions(runner, registry), reviewer, pipelineOption.name);
    }
  }

  /** Does the action as {@code reviewer} on {@code pipeline}; returns the exit code. */
  abstract int act(LocalRunner runner, Promotions promotions, Reviewer reviewer, String pipeline)
      throws ReviewException;
}
