package io.recopipe.pipeline.cli;

import io.recopipe.pipeline.registry.AliasChange;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.runner.LocalRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe models history}: every move of the champion and previous aliases, newest first,
 * with who and why, so "what served on March 3rd and who put it there" has an answer.
 */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "Shows every champion/previous alias move, newest first.")
final class ModelsHistoryCommand implements Callable<Integer> {
  @Mixin PipelineOption pipelineOption;

  @Mixin HomeOption home;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String pipeline = pipelineOption.name;
    try (OpenHome opened = home.open()) {
      LocalRunner runner = opened.runner();
      ModelRegistry registry = opened.registry();
      List<List<Object>> rows = new ArrayList<>();
      for (AliasChange change : registry.history(pipeline)) {
        rows.add(
            List.of(
                change.at().toString(),
                change.alias(),
                change.fromVersion().map(v -> "v" + v).orElse("-"),
                change.toVersion().map(v -> "v" + v).orElse("-"),
                change.actor(),
                change.reason()));
      }
      spec.commandLine()
          .getOut()
          .println(
              rows.isEmpty()
                  ? "no alias moves of " + pipeline + " yet"
                  : TextTable.render(
                      List.of("at", "alias", "from", "to", "actor", "reason"), rows));
      return ExitCodes.OK;
    }
  }
}
