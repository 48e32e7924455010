package io.recopipe.pipeline.cli;

import io.recopipe.pipeline.audit.AuditEntry;
import io.recopipe.pipeline.audit.AuditVerification;
import io.recopipe.pipeline.endpoint.JournalReconciler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe audit list | verify}: the hash-chained log of every registry, approval and
 * reviewer action, and a check that nobody edited it, for auditors and for peace of mind.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Shows or verifies the audit log.",
    subcommands = {
      AuditCommand.ListAll.class,
      AuditCommand.Verify.class,
      CommandLine.HelpCommand.class
    })
final class AuditCommand {
  private AuditCommand() {}

  /** {@code audit list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists every audit entry, oldest first.")
  static final class ListAll implements Callable<Integer> {
    @Mixin HomeOption home;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (OpenHome opened = home.open()) {
        List<List<Object>> rows = new ArrayList<>();
        for (AuditEntry entry : opened.review().audit().list()) {
          rows.add(
              List.of(
                  entry.seq(),
                  entry.at().toString(),
                  entry.actor(),
                  entry.action(),
                  entry.subject(),
                  entry.detail()));
        }
        spec.commandLine()
            .getOut()
            .println(
                rows.isEmpty()
                    ? "the audit log is empty"
                    : TextTable.render(
                        List.of("seq", "at", "actor", "action", "subject", "detail"), rows));
        return ExitCodes.OK;
      }
    }
  }

  /** {@code audit verify}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Recomputes the "
              + "hash chain and checks its end against the head sealed with the home's audit.key. Exit "
              + "codes: 0 intact, 9 broken (the first bad row, or what happened to the head, is named).")
  static final class Verify implements Callable<Integer> {
    @Mixin HomeOption home;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (OpenHome opened = home.open()) {
        JournalReconciler.reconcile(opened.runner().home());
        AuditVerification verification = opened.review().audit().verify();
        if (verification.intact()) {
          spec.commandLine().getOut().println(verification.message());
          return ExitCodes.OK;
        }
        spec.commandLine()
            .getErr()
            .println("recopipe: audit log broken: " + verification.message());
        return ExitCodes.AUDIT_BROKEN;
      }
    }
  }
}
