package io.recopipe.pipeline.review;

import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.runner.LocalRunner;
import io.recopipe.pipeline.runner.RunOptions;
import io.recopipe.pipeline.runner.RunResult;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reviewer actions on a home: list pending approvals, approve (which resumes the waiting
 * run's deploy), reject (the run ends REJECTED), roll back (redeploys {@code previous}); each
 * checks identity, the four-eyes rule and expiry, and is recorded in the registry history and the
 * audit log.
 */
public final class Promotions {
  private final LocalRunner runner;
  private final Function<String, Pipeline> pipelines;
  private final Clock clock;

  /**
   * Actions over {@code runner}'s home; {@code pipelines} gives the definition of a pipeline by
   * name (to resume its run); {@code clock} decides expiry (tests inject one).
   */
  public Promotions(LocalRunner runner, Function<String, Pipeline> pipelines, Clock clock) {
    this.runner = runner;
    this.pipelines = pipelines;
    this.clock = clock;
  }

  /** Pending approvals of {@code pipeline}, oldest first (stale ones are expired first). */
  public List<Approval> pending(String pipeline) {
    throw new UnsupportedOperationException("issue 5 " + runner + pipelines + clock);
  }

  /** The approval of {@code version}, in any state. */
  public Optional<Approval> approval(String pipeline, int version) {
    throw new UnsupportedOperationException("issue 5");
  }

  /** Approves {@code version} and resumes its run to deploy; returns the resumed run's result. */
  public RunResult approve(String pipeline, int version, Reviewer reviewer, String comment,
      RunOptions options) throws ReviewException {
    throw new UnsupportedOperationException("issue 5");
  }

  /** Rejects {@code version}; its run ends REJECTED and nothing is deployed. */
  public void reject(String pipeline, int version, Reviewer reviewer, String comment)
      throws ReviewException {
    throw new UnsupportedOperationException("issue 5");
  }

  /** Redeploys {@code previous} and makes it champion; returns the new champion's version. */
  public int rollback(String pipeline, Reviewer reviewer, String reason, RunOptions options)
      throws ReviewException {
    throw new UnsupportedOperationException("issue 5");
  }

  /** Expires every pending approval past its time; returns how many. */
  public int expireStale() {
    throw new UnsupportedOperationException("issue 5");
  }
}
