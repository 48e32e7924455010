package io.recopipe.pipeline.cli;

import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.review.HomeReview;
import io.recopipe.pipeline.runner.LocalRunner;

/**
 * A home opened by a command: its runner, model registry and review services, composed once by
 * {@link HomeOption#open()} over one metadata connection, so commands pass the services they need
 * to what they call instead of asking the runner for them.
 *
 * @param runner the runner (it closes the metadata store)
 * @param registry the home's model registry
 * @param review the approvals, reviewers, policy and audit log of the home
 */
record OpenHome(LocalRunner runner, ModelRegistry registry, HomeReview review)
    implements AutoCloseable {
  @Override
  public void close() {
    runner.close();
  }
}
