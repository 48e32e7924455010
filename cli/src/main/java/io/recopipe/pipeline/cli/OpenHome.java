package io.recopipe.pipeline.cli;

import io.recopipe.pipeline.review.HomeReview;
import io.recopipe.pipeline.runner.LocalRunner;

/**
 * A home opened by a command: its runner and its review services, composed once by {@link
 * HomeOption#open()} over one metadata connection, so commands pass the services they need to what
 * they call instead of asking the runner for them.
 *
 * @param runner the runner (it closes the metadata store)
 * @param review the approvals, reviewers, policy and audit log of the home
 */
record OpenHome(LocalRunner runner, HomeReview review) implements AutoCloseable {
  @Override
  public void close() {
    runner.close();
  }
}
