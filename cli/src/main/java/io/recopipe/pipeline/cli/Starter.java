package io.recopipe.pipeline.cli;

import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.review.Reviewer;
import io.recopipe.pipeline.review.Reviewers;
import java.util.Optional;

/**
 * Who starts a run ({@code run}) or submits a Vertex AI job ({@code submit}), resolved one way for
 * both, so the four-eyes rule compares the same names wherever the run ran: the reviewer of {@code
 * --token-file} or {@code $RECOPIPE_REVIEWER_TOKEN} when given (refused when wrong), else {@code
 * scheduler:NAME} when the scheduler started the process, else the OS user.
 */
final class Starter {
  private Starter() {}

  /** The starter, authenticating a given token against {@code reviewers}. */
  static String of(ReviewerToken token, Reviewers reviewers) throws ReviewException {
    return token.optional(reviewers).map(Reviewer::name).orElseGet(Starter::withoutToken);
  }

  /** The starter when no reviewer token is given: the scheduler, else the OS user. */
  static String withoutToken() {
    return Optional.ofNullable(System.getenv(RunCommand.SCHEDULER_ENV))
        .filter(who -> who.startsWith("scheduler:"))
        .orElseGet(() -> System.getProperty("user.name", "unknown"));
  }
}
