package io.recopipe.pipeline.cli;

import io.recopipe.pipeline.review.HomePolicy;
import io.recopipe.pipeline.review.ReviewException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe policy show | set}: the home's promotion policy (mode, four-eyes, expiry), which
 * every run inherits and may only make stricter, changed only by an admin reviewer so the people a
 * review guards against cannot switch it off.
 */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = "Shows or changes the home's promotion policy.",
    subcommands = {
      PolicyCommand.Show.class,
      PolicyCommand.Set.class,
      CommandLine.HelpCommand.class
    })
final class PolicyCommand {
  private PolicyCommand() {}

  /** {@code policy show}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Shows the home's promotion policy.")
  static final class Show implements Callable<Integer> {
    @Mixin HomeOption home;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (OpenHome opened = home.open()) {
        List<List<Object>> rows = new ArrayList<>();
        opened.review().policy().values().forEach((key, value) -> rows.add(List.of(key, value)));
        PrintWriter out = spec.commandLine().getOut();
        out.println(TextTable.render(List.of("key", "value"), rows));
        out.println(
            "runs may make this stricter (--set or a config's promotion section), never"
                + " weaker; an admin reviewer changes it with: recopipe policy set KEY=VALUE"
                + " --token-file FILE");
        return ExitCodes.OK;
      }
    }
  }

  /** {@code policy set KEY=VALUE... --token-file FILE}. */
  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description =
          "Changes the home's promotion policy as an admin reviewer; each change is "
              + "audited. Exit codes: 0 set, 2 bad key or value, 8 refused (no or a non-admin "
              + "token).")
  static final class Set implements Callable<Integer> {
    @Parameters(
        paramLabel = "KEY=VALUE",
        arity = "1..*",
        description =
            "e.g. "
                + "promotion.policy=review promotion.four_eyes=true promotion.expires_after=48h")
    Map<String, String> assignments = new LinkedHashMap<>();

    @Mixin HomeOption home;

    @Mixin ReviewerToken token;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws ReviewException {
      Map<String, String> changes = new LinkedHashMap<>();
      assignments.forEach((key, value) -> changes.put(key.strip(), value));
      try (OpenHome opened = home.open()) {
        HomePolicy policy = opened.review().policy();
        Map<String, String> changed =
            policy.set(changes, token.authenticate(opened.review().reviewers()));
        PrintWriter out = spec.commandLine().getOut();
        if (changed.isEmpty()) {
          out.println("the home's policy already says that; nothing changed");
        }
        changed.forEach((key, change) -> out.println(key + ": " + change));
        return ExitCodes.OK;
      }
    }
  }
}
