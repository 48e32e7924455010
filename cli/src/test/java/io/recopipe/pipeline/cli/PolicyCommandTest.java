package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.testing.FastConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The home's policy, its admins and its audit key through the real CLI on a real SQLite home: runs
 * may only tighten the policy (a weaker one exits 2 before a run is recorded), only an admin
 * changes it or the reviewers, token and key files are 0600, and a cut-off audit log exits 9 even
 * with its head file deleted.
 */
class PolicyCommandTest {
  @TempDir Path dir;

  private CliRunner.Result cli(String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.add("--home");
    all.add(dir.resolve("home").toString());
    return CliRunner.run(all.toArray(String[]::new));
  }

  private CliRunner.Result run(String... extra) throws IOException {
    Path config = Files.writeString(dir.resolve("fast.yaml"), FastConfig.YAML);
    List<String> args = new ArrayList<>(List.of("run", "--config", config.toString()));
    args.addAll(Arrays.asList(extra));
    return cli(args.toArray(String[]::new));
  }

  private Path reviewer(String name, Path admin, String... extra) {
    Path token = dir.resolve("tokens").resolve(name);
    List<String> args =
        new ArrayList<>(List.of("reviewers", "add", name, "--token-out", token.toString()));
    if (admin != null) {
      args.addAll(List.of("--token-file", admin.toString()));
    }
    args.addAll(Arrays.asList(extra));
    CliRunner.Result added = cli(args.toArray(String[]::new));
    assertEquals(ExitCodes.OK, added.code(), added.out() + added.err());
    return token;
  }

  private long rows(String table) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:sqlite:" + dir.resolve("home").resolve("metadata.db"));
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      return rs.getLong(1);
    }
  }

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  @Test
  void onlyAnAdminChangesThePolicyAndEachChangeIsAudited() throws Exception {
    Files.createDirectories(dir.resolve("tokens"));
    Path alice = reviewer("alice", null);
    assertEquals("rw-------", mode(alice));
    assertTrue(Files.readString(alice).startsWith("rp_"));
    CliRunner.Result list = cli("reviewers", "list");
    assertTrue(
        list.out().lines().anyMatch(l -> l.startsWith("alice") && l.contains("admin")), list.out());

    CliRunner.Result anonymous = cli("reviewers", "add", "mallory");
    assertEquals(ExitCodes.REFUSED, anonymous.code());
    assertEquals(1, anonymous.err().lines().count(), anonymous.err());
    assertTrue(anonymous.err().contains("needs an admin reviewer's token"), anonymous.err());
    Path bob = reviewer("bob", alice);
    Path bob2 = dir.resolve("tokens").resolve("bob2");
    CliRunner.Result minted =
        cli(
            "reviewers",
            "add",
            "bob2",
            "--token-file",
            bob.toString(),
            "--token-out",
            bob2.toString());
    assertEquals(ExitCodes.REFUSED, minted.code());
    assertTrue(minted.err().contains("reviewer bob is not an active admin"), minted.err());
    assertFalse(Files.exists(bob2), "a refused add leaves no token file behind");
    CliRunner.Result clobber =
        cli(
            "reviewers",
            "add",
            "carol",
            "--token-file",
            alice.toString(),
            "--token-out",
            bob.toString());
    assertEquals(ExitCodes.BAD_INPUT, clobber.code(), clobber.err());
    assertTrue(clobber.err().contains("never overwrites a token file"), clobber.err());
    assertTrue(cli("reviewers", "list").out().lines().noneMatch(l -> l.startsWith("carol")));

    long audited = rows("audit_log");
    CliRunner.Result noToken = cli("policy", "set", "promotion.policy=review");
    assertEquals(ExitCodes.REFUSED, noToken.code(), noToken.err());
    CliRunner.Result notAdmin =
        cli("policy", "set", "promotion.policy=review", "--token-file", bob.toString());
    assertEquals(ExitCodes.REFUSED, notAdmin.code(), notAdmin.err());
    assertEquals(1, notAdmin.err().lines().count(), notAdmin.err());
    assertEquals(audited, rows("audit_log"), "refusals record nothing");
    assertEquals(0, rows("settings WHERE key LIKE 'promotion.%'"));
    CliRunner.Result shown = cli("policy", "show");
    assertTrue(
        shown.out().lines().anyMatch(l -> l.matches("promotion\\.policy\\s+\\| auto\\s*")),
        shown.out());

    CliRunner.Result set =
        cli(
            "policy",
            "set",
            "promotion.policy=review",
            "promotion.expires_after=24h",
            "--token-file",
            alice.toString());
    assertEquals(ExitCodes.OK, set.code(), set.err());
    assertTrue(set.out().contains("promotion.policy: auto→review"), set.out());
    assertEquals(
        1,
        rows(
            "audit_log WHERE actor = 'alice' AND action = 'policy_set'"
                + " AND detail LIKE '%\"promotion.policy\":\"auto→review\"%'"
                + " AND detail LIKE '%\"promotion.expires_after\":\"72h→24h\"%'"));
    assertTrue(
        cli("policy", "show")
            .out()
            .lines()
            .anyMatch(l -> l.matches("promotion\\.policy\\s+\\| review\\s*")));
    CliRunner.Result bad =
        cli("policy", "set", "promotion.four_eye=false", "--token-file", alice.toString());
    assertEquals(ExitCodes.BAD_INPUT, bad.code(), bad.err());
    assertEquals(ExitCodes.OK, cli("audit", "verify").code());
  }

  @Test
  void aRunMayTightenTheHomePolicyButNeverWeakenIt() throws Exception {
    Files.createDirectories(dir.resolve("tokens"));
    Path alice = reviewer("alice", null);
    reviewer("bob", alice);
    CliRunner.Result relaxed = run("--set", "promotion.four_eyes=false");
    assertEquals(ExitCodes.BAD_INPUT, relaxed.code(), relaxed.out() + relaxed.err());
    assertEquals(1, relaxed.err().lines().count(), relaxed.err());
    assertTrue(
        relaxed
                .err()
                .contains(
                    "promotion.four_eyes=false is refused: this home requires "
                        + "promotion.four_eyes=true")
            && relaxed.err().contains("recopipe policy set"),
        relaxed.err());
    assertEquals(0, rows("runs"), "refused before anything is recorded");

    CliRunner.Result stricter =
        run("--set", "promotion.policy=review", "--token-file", alice.toString());
    assertEquals(ExitCodes.AWAITING_APPROVAL, stricter.code(), stricter.out() + stricter.err());
    CliRunner.Result own =
        cli("models", "approve", "1", "--comment", "mine", "--token-file", alice.toString());
    assertEquals(ExitCodes.REFUSED, own.code(), "the stricter run's four-eyes rule holds");

    assertEquals(
        ExitCodes.OK,
        cli("policy", "set", "promotion.policy=review", "--token-file", alice.toString()).code());
    long runs = rows("runs");
    CliRunner.Result weaker = run("--set", "promotion.policy=auto");
    assertEquals(ExitCodes.BAD_INPUT, weaker.code(), weaker.out() + weaker.err());
    assertTrue(
        weaker
            .err()
            .contains(
                "promotion.policy=auto is refused: this home requires "
                    + "promotion.policy=review"),
        weaker.err());
    Path autoConfig =
        Files.writeString(dir.resolve("auto.yaml"), FastConfig.YAML + "promotion: auto\n");
    CliRunner.Result fromFile = cli("run", "--config", autoConfig.toString());
    assertEquals(ExitCodes.BAD_INPUT, fromFile.code(), fromFile.out() + fromFile.err());
    CliRunner.Result longer = run("--set", "promotion.expires_after=30d");
    assertEquals(ExitCodes.BAD_INPUT, longer.code());
    assertTrue(
        longer.err().contains("requires promotion.expires_after of at most 72h"), longer.err());
    assertEquals(runs, rows("runs"));

    CliRunner.Result inherits = run();
    assertEquals(
        ExitCodes.AWAITING_APPROVAL,
        inherits.code(),
        "the shipped config leaves the home's review in force: " + inherits.out());
  }

  @Test
  void aCutOffAuditLogWithItsHeadFileDeletedIsBroken() throws Exception {
    Files.createDirectories(dir.resolve("tokens"));
    Path alice = reviewer("alice", null);
    reviewer("bob", alice);
    reviewer("carol", alice);
    Path home = dir.resolve("home");
    assertEquals("rw-------", mode(home.resolve("audit.key")));
    assertEquals(32, Files.size(home.resolve("audit.key")));
    assertEquals(ExitCodes.OK, cli("audit", "verify").code());

    Files.delete(home.resolve("metadata.db.audit-head"));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("metadata.db"));
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM audit_log WHERE seq >= 2");
    }
    CliRunner.Result broken = cli("audit", "verify");
    assertEquals(ExitCodes.AUDIT_BROKEN, broken.code(), broken.out() + broken.err());
    assertTrue(broken.err().contains("entries 2..3 were cut off"), broken.err());

    Files.delete(home.resolve("audit.key"));
    CliRunner.Result noKey = cli("audit", "verify");
    assertEquals(ExitCodes.AUDIT_BROKEN, noKey.code());
    assertEquals(1, noKey.err().lines().count(), noKey.err());
    assertTrue(noKey.err().contains("audit.key is missing"), noKey.err());
    assertFalse(Files.exists(home.resolve("audit.key")), "verify never recreates the key");
  }
}
