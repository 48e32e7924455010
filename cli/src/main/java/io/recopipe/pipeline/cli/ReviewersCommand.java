package io.recopipe.pipeline.cli;

import io.recopipe.model.error.InvalidInputException;
import io.recopipe.pipeline.home.OwnerOnlyFile;
import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.review.Reviewer;
import io.recopipe.pipeline.review.Reviewers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * are shown once (or written to an owner-only file) and only their SHA-256 is kept. The first
 * reviewer of a home is its admin (audited as the OS user); every later change needs an admin's
 * token and is audited as that admin, so a reviewer cannot mint a second identity.
 */
@Command(
    name = "reviewers",
    mixinStandardHelpOptions = true,
    description = "Manages the reviewers who may approve, reject and roll back models.",
    subcommands = {
      ReviewersCommand.Add.class,
      ReviewersCommand.ListAll.class,
      ReviewersCommand.Disable.class,
      CommandLine.HelpCommand.class
    })
final class ReviewersCommand {
  private ReviewersCommand() {}

  /** The audit actor of the bootstrap (the home's first reviewer), made from this shell. */
  static String actor() {
    return "user:" + System.getProperty("user.name", "unknown");
  }

  /** {@code reviewers add NAME [--admin] [--token-sha256 HEX | --token-out FILE]}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Adds a reviewer and prints their token once (or writes it to an "
              + "owner-only file, or takes a token hash). The home's first reviewer becomes its "
              + "admin; after that, only an admin (--token-file) may add reviewers. Exit codes: 0 "
              + "added, 8 refused.")
  static final class Add implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "The reviewer's name.")
    String name;

    @Option(names = "--admin", description = "Make the new reviewer an admin too.")
    boolean admin;

    @Option(
        names = "--token-sha256",
        paramLabel = "HEX",
        description =
            "SHA-256 (64 hex "
                + "digits) of a token provisioned elsewhere; no token is generated or shown.")
    String tokenSha256;

    @Option(
        names = "--token-out",
        paramLabel = "FILE",
        description =
            "Write the new token to "
                + "FILE, created owner-only (0600; refused when it exists), instead of printing it.")
    Path tokenOut;

    @Mixin HomeOption home;

    @Mixin ReviewerToken token;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws ReviewException, IOException {
      PrintWriter out = spec.commandLine().getOut();
      if (tokenSha256 != null && tokenOut != null) {
        throw new InvalidInputException(
            "--token-sha256 and --token-out exclude each other:"
                + " with a hash there is no token to write");
      }
      try (OpenHome opened = home.open()) {
        Optional<Reviewer> by = token.optional(opened.review().reviewers());
        if (tokenSha256 != null) {
          opened.review().reviewers().addHashed(name, tokenSha256, admin, by, actor());
          out.println(
              "reviewer "
                  + name
                  + " added with the given token hash"
                  + role(opened.review().reviewers()));
          return ExitCodes.OK;
        }
        if (tokenOut == null) {
          String secret = opened.review().reviewers().add(name, admin, by, actor());
          out.println("reviewer " + name + " added" + role(opened.review().reviewers()));
          out.println("token: " + secret);
          out.println(
              "store it now in a file only "
                  + name
                  + " can read, passed with "
                  + "--token-file (or use --token-out FILE): it is shown once and only its SHA-256 "
                  + "is kept");
          return ExitCodes.OK;
        }
        createTokenFile();
        String secret;
        try {
          secret = opened.review().reviewers().add(name, admin, by, actor());
        } catch (ReviewException | RuntimeException refused) {
          Files.delete(tokenOut);
          throw refused;
        }
        Files.writeString(tokenOut, secret + "\n");
        out.println(
            "reviewer "
                + name
                + " added"
                + role(opened.review().reviewers())
                + "; token written to "
                + tokenOut
                + " (owner-only); only its SHA-256 is kept");
        return ExitCodes.OK;
      }
    }

    /** Creates the empty owner-only token file first, so a bad path refuses before adding. */
    private void createTokenFile() throws IOException {
      try {
        OwnerOnlyFile.create(tokenOut);
      } catch (FileAlreadyExistsException e) {
        throw new InvalidInputException(
            "--token-out "
                + tokenOut
                + ": the file exists;"
                + " recopipe never overwrites a token file (remove it or choose another path)");
      }
    }

    private String role(Reviewers reviewers) {
      return reviewers.find(name).filter(Reviewer::admin).isPresent() ? " as admin" : "";
    }
  }

  /** {@code reviewers list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists reviewers.")
  static final class ListAll implements Callable<Integer> {
    @Mixin HomeOption home;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (OpenHome opened = home.open()) {
        List<List<Object>> rows = new ArrayList<>();
        for (Reviewer reviewer : opened.review().reviewers().list()) {
          rows.add(
              List.of(
                  reviewer.name(),
                  reviewer.admin() ? "admin" : "reviewer",
                  reviewer.createdAt().toString(),
                  reviewer.disabled() ? "disabled" : "active"));
        }
        spec.commandLine()
            .getOut()
            .println(
                rows.isEmpty()
                    ? "no reviewers yet: recopipe " + "reviewers add NAME"
                    : TextTable.render(List.of("name", "role", "created", "state"), rows));
        return ExitCodes.OK;
      }
    }
  }

  /** {@code reviewers disable NAME}. */
  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description =
          "Disables a reviewer's token (needs an admin's --token-file). Exit codes: "
              + "0 disabled, 8 refused.")
  static final class Disable implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "The reviewer's name.")
    String name;

    @Mixin HomeOption home;

    @Spec CommandSpec spec;

    @Mixin ReviewerToken token;

    @Override
    public Integer call() throws ReviewException {
      try (OpenHome opened = home.open()) {
        opened.review().reviewers().disable(name, token.authenticate(opened.review().reviewers()));
        spec.commandLine().getOut().println("reviewer " + name + " disabled");
        return ExitCodes.OK;
      }
    }
  }
}
