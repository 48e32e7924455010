package io.recopipe.pipeline.cli;

import io.recopipe.model.error.InvalidInputException;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import io.recopipe.pipeline.promotion.Promotions;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code recopipe models}: the model registry and the review actions on it (list, show, approve,
 * reject, rollback, history), so promoting a model is a recorded decision, not a side effect.
 */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description =
        "The model registry: list and show versions, approve or reject a waiting "
            + "one, roll back to the previous champion, show the alias history. Exit codes: 0 ok, "
            + "8 refused (token, four-eyes, already decided, expired, not found).",
    subcommands = {
      ModelsListCommand.class,
      ModelsShowCommand.class,
      ModelsApproveCommand.class,
      ModelsRejectCommand.class,
      ModelsRollbackCommand.class,
      ModelsHistoryCommand.class,
      CommandLine.HelpCommand.class
    })
final class ModelsCommand {
  /** The {@code --pipeline} default. */
  static final String DEFAULT_PIPELINE = MovieLensMfPipeline.NAME;

  private ModelsCommand() {}

  /** The definition of pipeline {@code name} (only the shipped one is known to the CLI). */
  static Pipeline definition(String name) {
    if (!name.equals(MovieLensMfPipeline.NAME)) {
      throw new InvalidInputException(
          "unknown pipeline " + name + " (known: " + MovieLensMfPipeline.NAME + ")");
    }
    return MovieLensMfPipeline.definition();
  }

  /** The review actions over {@code runner}'s home on the system clock. */
  static Promotions promotions(OpenHome home) {
    return new Promotions(
        home.runner(),
        home.registry(),
        home.review(),
        ModelsCommand::definition,
        Clock.systemUTC());
  }
}
