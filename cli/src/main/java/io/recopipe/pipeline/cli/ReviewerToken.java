package io.recopipe.pipeline.cli;

import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.review.Reviewer;
import io.recopipe.pipeline.review.Reviewers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --token-file} option (or {@code RECOPIPE_REVIEWER_TOKEN}) that identifies a reviewer,
 * shared by every command that acts as one, so a token never appears on a command line where {@code
 * ps} and shell history would keep it.
 */
final class ReviewerToken {
  /** The environment variable holding a reviewer's token. */
  static final String ENV = "RECOPIPE_REVIEWER_TOKEN";

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "File holding your " + "reviewer token (default: $" + ENV + ").")
  Path tokenFile;

  /** The token given, if any: the file's first line, else the environment variable. */
  Optional<String> token() throws ReviewException {
    if (tokenFile != null) {
      try {
        return Optional.of(Files.readString(tokenFile).strip());
      } catch (IOException e) {
        throw new ReviewException(
            ReviewException.Kind.UNAUTHENTICATED,
            "cannot read token file "
                + tokenFile
                + ": "
                + (e instanceof java.nio.file.NoSuchFileException
                    ? "no such file"
                    : e.getMessage()));
      }
    }
    return Optional.ofNullable(System.getenv(ENV)).filter(t -> !t.isBlank());
  }

  /** The reviewer the token belongs to; refused when no token is given or it is unknown. */
  Reviewer authenticate(Reviewers reviewers) throws ReviewException {
    String token =
        token()
            .orElseThrow(
                () ->
                    new ReviewException(
                        ReviewException.Kind.UNAUTHENTICATED,
                        "no reviewer token: pass --token-file FILE or set "
                            + ENV
                            + " (recopipe reviewers add NAME creates one)"));
    return reviewers.authenticate(token);
  }

  /** The reviewer when a token is given (refused when it is wrong), else empty. */
  Optional<Reviewer> optional(Reviewers reviewers) throws ReviewException {
    Optional<String> token = token();
    return token.isEmpty() ? Optional.empty() : Optional.of(reviewers.authenticate(token.get()));
  }
}
