package io.recopipe.pipeline.cli;

import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.review.Reviewer;
import io.recopipe.pipeline.runner.LocalRunner;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe reviewers add | list | disable}: who may approve, reject and roll back; tokens
 * are shown once and only their SHA-256 is kept, and every change is audited as the OS user.
 */
@Command(name = "reviewers", mixinStandardHelpOptions = true,
    description = "Manages the reviewers who may approve, reject and roll back models.",
    subcommands = {ReviewersCommand.Add.class, ReviewersCommand.ListAll.class,
        ReviewersCommand.Disable.class, CommandLine.HelpCommand.class})
final class ReviewersCommand {
  private ReviewersCommand() {
  }

  /** The audit actor of reviewer changes made from this shell. */
  static String actor() {
    return "user:" + System.getProperty("user.name", "unknown");
  }

  /** {@code reviewers add NAME [--token-sha256 HEX]}. */
  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Adds a reviewer and prints their token once (or takes a token hash).")
  static final class Add implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "The reviewer's name.")
    String name;

    @Option(names = "--token-sha256", paramLabel = "HEX", description = "SHA-256 (64 hex "
        + "digits) of a token provisioned elsewhere; no token is generated or shown.")
    String tokenSha256;

    @Mixin
    HomeOption home;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws ReviewException {
      PrintWriter out = spec.commandLine().getOut();
      try (LocalRunner runner = home.runner()) {
        if (tokenSha256 != null) {
          runner.reviewers().addHashed(name, tokenSha256, actor());
          out.println("reviewer " + name + " added with the given token hash");
          return ExitCodes.OK;
        }
        String token = runner.reviewers().add(name, actor());
        out.println("reviewer " + name + " added");
        out.println("token: " + token);
        out.println("store it now (e.g. in a file only " + name + " can read, passed with "
            + "--token-file): it is shown once and only its SHA-256 is kept");
        return ExitCodes.OK;
      }
    }
  }

  /** {@code reviewers list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists reviewers.")
  static final class ListAll implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      try (LocalRunner runner = home.runner()) {
        List<List<Object>> rows = new ArrayList<>();
        for (Reviewer reviewer : runner.reviewers().list()) {
          rows.add(List.of(reviewer.name(), reviewer.createdAt().toString(),
              reviewer.disabled() ? "disabled" : "active"));
        }
        spec.commandLine().getOut().println(rows.isEmpty() ? "no reviewers yet: recopipe "
            + "reviewers add NAME" : TextTable.render(List.of("name", "created", "state"), rows));
        return ExitCodes.OK;
      }
    }
  }

  /** {@code reviewers disable NAME}. */
  @Command(name = "disable", mixinStandardHelpOptions = true,
      description = "Disables a reviewer's token.")
  static final class Disable implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "The reviewer's name.")
    String name;

    @Mixin
    HomeOption home;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws ReviewException {
      try (LocalRunner runner = home.runner()) {
        runner.reviewers().disable(name, actor());
        spec.commandLine().getOut().println("reviewer " + name + " disabled");
        return ExitCodes.OK;
      }
    }
  }
}
