package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recopipe models | reviewers | audit} through the real CLI: a review run exits 5, a second
 * reviewer approves it, every refusal exits 8 with one line, rollback and history work, and a
 * tampered audit log exits 9.
 */
class ModelsCommandTest {
  private static final String REVIEW_CONFIG = RunCommandTest.FAST_CONFIG + "promotion: review\n";

  @TempDir Path dir;

  private String home() {
    return dir.resolve("home").toString();
  }

  private CliRunner.Result cli(String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.add("--home");
    all.add(home());
    return CliRunner.run(all.toArray(String[]::new));
  }

  /** The home's first reviewer (its admin), whose token is printed once. */
  private Path firstReviewer(String name) throws IOException {
    CliRunner.Result added = cli("reviewers", "add", name);
    assertEquals(ExitCodes.OK, added.code(), added.err());
    assertTrue(added.out().contains("shown once"), added.out());
    return Files.writeString(dir.resolve(name + ".token"), CliReviewers.token(added) + "\n");
  }

  /** Another reviewer, added by {@code admin}, whose token goes to an owner-only file. */
  private Path reviewer(String name, Path admin, String... extra) {
    Path token = dir.resolve(name + ".token");
    List<String> args =
        new ArrayList<>(
            List.of(
                "reviewers",
                "add",
                name,
                "--token-out",
                token.toString(),
                "--token-file",
                admin.toString()));
    args.addAll(Arrays.asList(extra));
    CliRunner.Result added = cli(args.toArray(String[]::new));
    assertEquals(ExitCodes.OK, added.code(), added.err());
    assertFalse(added.out().contains("rp_"), "the token is not printed: " + added.out());
    return token;
  }

  private CliRunner.Result run(String... extra) throws IOException {
    Path config = Files.writeString(dir.resolve("review.yaml"), REVIEW_CONFIG);
    List<String> args = new ArrayList<>(List.of("run", "--config", config.toString()));
    args.addAll(Arrays.asList(extra));
    return cli(args.toArray(String[]::new));
  }

  @Test
  void aReviewRunWaitsUntilAnotherReviewerApprovesAndEveryRefusalExits8() throws IOException {
    Path alice = firstReviewer("alice");
    Path bob = reviewer("bob", alice);
    CliRunner.Result waiting = run("--token-file", alice.toString());
    assertEquals(ExitCodes.AWAITING_APPROVAL, waiting.code(), waiting.out() + waiting.err());
    assertTrue(
        waiting.out().contains("waits for approval: recopipe models approve 1"), waiting.out());
    assertTrue(waiting.out().contains("next: another reviewer"), waiting.out());
    assertTrue(cli("models", "list").out().contains("AWAITING_APPROVAL"));

    CliRunner.Result noToken = cli("models", "approve", "1", "--comment", "ok");
    assertEquals(ExitCodes.REFUSED, noToken.code(), noToken.err());
    assertEquals(1, noToken.err().lines().count(), noToken.err());
    assertTrue(noToken.err().contains("no reviewer token"), noToken.err());
    Path wrong = Files.writeString(dir.resolve("wrong.token"), "nope");
    CliRunner.Result badToken =
        cli("models", "approve", "1", "--comment", "ok", "--token-file", wrong.toString());
    assertEquals(ExitCodes.REFUSED, badToken.code());
    assertTrue(badToken.err().contains("unknown or disabled reviewer token"), badToken.err());
    CliRunner.Result own =
        cli("models", "approve", "1", "--comment", "ok", "--token-file", alice.toString());
    assertEquals(ExitCodes.REFUSED, own.code());
    assertTrue(own.err().contains("four-eyes rule: alice started run"), own.err());

    CliRunner.Result approved =
        cli("models", "approve", "1", "--comment", "better RMSE", "--token-file", bob.toString());
    assertEquals(ExitCodes.OK, approved.code(), approved.out() + approved.err());
    assertTrue(approved.out().contains(": SUCCEEDED"), approved.out());
    CliRunner.Result list = cli("models", "list");
    assertTrue(
        list.out().lines().anyMatch(l -> l.matches("\\s*1 \\| PROMOTED\\s+\\| champion.*")),
        list.out());
    CliRunner.Result show = cli("models", "show", "1");
    assertTrue(show.out().contains("decided by bob"), show.out());
    assertTrue(show.out().contains("started by alice"), show.out());
    CliRunner.Result twice =
        cli("models", "approve", "1", "--comment", "again", "--token-file", bob.toString());
    assertEquals(ExitCodes.REFUSED, twice.code());
    assertTrue(twice.err().contains("already approved by bob"), twice.err());
    CliRunner.Result unknown = cli("models", "show", "9");
    assertEquals(ExitCodes.REFUSED, unknown.code());
    CliRunner.Result nothingBack =
        cli("models", "rollback", "--reason", "x", "--token-file", bob.toString());
    assertEquals(ExitCodes.REFUSED, nothingBack.code());
    assertTrue(nothingBack.err().contains("no previous version"), nothingBack.err());
  }

  @Test
  void rejectRollbackHistoryReviewersAndAuditThroughTheCli() throws Exception {
    Path alice = firstReviewer("alice");
    Path bob = reviewer("bob", alice, "--admin");
    assertEquals(ExitCodes.OK, run("--set", "promotion.policy=auto").code());
    assertEquals(
        ExitCodes.AWAITING_APPROVAL,
        run("--set", "train.max_iterations=6", "--token-file", alice.toString()).code());
    assertEquals(
        ExitCodes.OK,
        cli("models", "approve", "2", "--comment", "fine", "--token-file", bob.toString()).code());
    assertEquals(
        ExitCodes.AWAITING_APPROVAL,
        run("--set", "train.max_iterations=7", "--token-file", alice.toString()).code());
    CliRunner.Result rejected =
        cli("models", "reject", "3", "--comment", "not now", "--token-file", bob.toString());
    assertEquals(ExitCodes.OK, rejected.code(), rejected.err());
    CliRunner.Result runs = cli("runs", "list");
    assertTrue(runs.out().contains("REJECTED"), runs.out());

    CliRunner.Result rollback =
        cli("models", "rollback", "--reason", "users complain", "--token-file", alice.toString());
    assertEquals(ExitCodes.OK, rollback.code(), rollback.out() + rollback.err());
    assertTrue(rollback.out().contains("champion is v1 again"), rollback.out());
    CliRunner.Result history = cli("models", "history");
    assertTrue(history.out().contains("rollback: users complain"), history.out());
    assertTrue(history.out().contains("approved by bob: fine"), history.out());

    CliRunner.Result anonymous = cli("reviewers", "disable", "alice");
    assertEquals(ExitCodes.REFUSED, anonymous.code(), anonymous.err());
    assertEquals(1, anonymous.err().lines().count(), anonymous.err());
    assertEquals(
        ExitCodes.OK, cli("reviewers", "disable", "alice", "--token-file", bob.toString()).code());
    assertTrue(
        cli("reviewers", "list")
            .out()
            .lines()
            .anyMatch(l -> l.startsWith("alice") && l.contains("disabled")));
    CliRunner.Result disabled =
        cli("models", "rollback", "--reason", "again", "--token-file", alice.toString());
    assertEquals(ExitCodes.REFUSED, disabled.code());

    CliRunner.Result audit = cli("audit", "list");
    for (String action :
        List.of(
            "reviewer_add",
            "register",
            "approve",
            "reject",
            "promote",
            "rollback",
            "reviewer_disable")) {
      assertTrue(audit.out().contains(action), action + " missing from\n" + audit.out());
    }
    assertEquals(ExitCodes.OK, cli("audit", "verify").code());
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:sqlite:" + dir.resolve("home").resolve("metadata.db"));
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    CliRunner.Result broken = cli("audit", "verify");
    assertEquals(ExitCodes.AUDIT_BROKEN, broken.code(), broken.out() + broken.err());
    assertTrue(broken.err().contains("3"), broken.err());
  }

  @Test
  void aBadPromotionValueIsBadInputBeforeAnythingRuns() throws IOException {
    CliRunner.Result bad =
        run("--set", "promotion.policy=sometimes", "--set", "promotion.expires_after=soon");
    assertEquals(ExitCodes.BAD_INPUT, bad.code(), bad.out() + bad.err());
    assertEquals(1, bad.err().lines().count(), bad.err());
    assertTrue(
        bad.err().contains("promotion.policy") && bad.err().contains("expires_after"), bad.err());
    assertTrue(cli("runs", "list").out().lines().noneMatch(l -> l.contains("movielens-mf")));
  }
}
