package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.pipeline.artifacts.TreeHash;
import io.recopipe.pipeline.testing.FastConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recopipe gc} on a real home: the champion comes from the oldest run, later runs are gated;
 * keeping one run removes old artifacts but never the champion's lineage or a registered bundle,
 * and a run afterwards misses the cache exactly where gc removed something.
 */
class GcCommandTest {
  private static final Pattern SUMMARY =
      Pattern.compile("removed (\\d+) artifacts of (\\d+) runs, freed (\\d+\\.\\d) MB");

  @TempDir Path dir;

  private Path home() {
    return dir.resolve("home");
  }

  private CliRunner.Result cli(String... args) throws IOException {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(List.of("--home", home().toString()));
    return CliRunner.run(all.toArray(String[]::new));
  }

  private CliRunner.Result run(String... sets) throws IOException {
    Path config = dir.resolve("fast.yaml");
    Files.writeString(config, FastConfig.YAML);
    List<String> args = new ArrayList<>(List.of("run", "--config", config.toString()));
    for (String set : sets) {
      args.addAll(List.of("--set", set));
    }
    return cli(args.toArray(String[]::new));
  }

  @Test
  void keepsTheChampionsLineageAndRegisteredBundlesAndTheCacheStillWorks() throws Exception {
    CliRunner.Result champion = run();
    assertEquals(ExitCodes.OK, champion.code(), champion.transcript());
    String championRun = runId(champion);
    String gated = "gate.r2_min=0.99";
    CliRunner.Result second = run("train.num_factors=4", gated);
    assertEquals(ExitCodes.GATED, second.code(), second.transcript());
    String secondRun = runId(second);
    CliRunner.Result third = run("train.num_factors=6", gated);
    assertEquals(ExitCodes.GATED, third.code(), third.transcript());

    String bundleUri = scalar("SELECT bundle_uri FROM model_versions");
    String imageUri = scalar("SELECT image_uri FROM model_versions");
    Path artifacts = home().resolve("artifacts");
    String bundleSha = TreeHash.of(artifacts.resolve(bundleUri)).sha256();
    Path secondModel = artifacts.resolve(secondRun + "/train/model");
    assertTrue(Files.isDirectory(secondModel));
    long before = countFiles(artifacts);

    CliRunner.Result dry = cli("gc", "--keep-runs", "1", "--dry-run");
    assertEquals(ExitCodes.OK, dry.code(), dry.transcript());
    assertTrue(dry.out().contains("would remove " + secondRun + "/train/model"), dry.out());
    assertEquals(before, countFiles(artifacts), "a dry run removes nothing");
    assertEquals("0", scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'gc'"));

    CliRunner.Result gc = cli("gc", "--keep-runs", "1");
    assertEquals(ExitCodes.OK, gc.code(), gc.transcript());
    Matcher summary = SUMMARY.matcher(gc.out().strip());
    assertTrue(summary.matches(), gc.out());
    assertTrue(Integer.parseInt(summary.group(1)) > 0, gc.out());
    assertEquals("2", summary.group(2), "the two runs older than the newest one");
    assertTrue(Double.parseDouble(summary.group(3)) > 0, gc.out());

    // the champion's bundle, image and what they were made from survive, byte for byte
    assertEquals(bundleSha, TreeHash.of(artifacts.resolve(bundleUri)).sha256());
    ModelBundle.load(artifacts.resolve(bundleUri));
    assertTrue(Files.isDirectory(artifacts.resolve(imageUri)), imageUri);
    for (String lineage : List.of("/train/model", "/ingest/dataset")) {
      assertTrue(Files.isDirectory(artifacts.resolve(championRun + lineage)), lineage);
    }
    // the champion run's evaluation is not in the bundle's lineage; the gated run is old
    assertFalse(Files.exists(artifacts.resolve(championRun + "/evaluate/metrics")));
    assertFalse(Files.exists(secondModel));
    assertFalse(Files.exists(artifacts.resolve(".staging").resolve(secondRun)));
    assertEquals(
        summary.group(1),
        scalar("SELECT COUNT(*) FROM artifacts" + " WHERE removed_at IS NOT NULL"));
    assertEquals(
        "user:" + System.getProperty("user.name"),
        scalar("SELECT actor FROM audit_log WHERE action = 'gc'"));
    assertEquals(ExitCodes.OK, cli("audit", "verify").code());

    CliRunner.Result show = cli("runs", "show", secondRun);
    assertEquals(ExitCodes.OK, show.code(), show.transcript());
    assertTrue(show.out().contains("[removed]"), show.out());

    // rerunning the removed configuration: ingest is a hit (kept), train a miss (removed)
    CliRunner.Result again = run("train.num_factors=4", gated);
    assertEquals(ExitCodes.GATED, again.code(), again.transcript());
    assertTrue(
        again.out().lines().anyMatch(l -> l.matches("ingest\\s+\\| SUCCEEDED \\| hit.*")),
        again.out());
    assertTrue(
        again.out().lines().anyMatch(l -> l.matches("train\\s+\\| SUCCEEDED \\| - .*")),
        again.out());

    CliRunner.Result nothing = cli("gc", "--keep-runs", "10");
    assertEquals("removed 0 artifacts of 0 runs, freed 0.0 MB", nothing.out().strip());
  }

  @Test
  void badKeepRunsIsOneLineAndExitTwo() throws IOException {
    for (String bad : List.of("-1", "many", "1\u001b[2J")) {
      CliRunner.Result result = cli("gc", "--keep-runs", bad);
      assertEquals(ExitCodes.BAD_INPUT, result.code(), bad);
      assertEquals(1, result.err().lines().count(), result.err());
      assertTrue(
          result.err().contains("--keep-runs must be a whole number 0 or more"), result.err());
      assertFalse(result.err().contains("\u001b"), "control characters are escaped");
    }
    assertFalse(Files.exists(home().resolve("metadata.db")), "nothing recorded on bad input");
  }

  private static String runId(CliRunner.Result result) {
    return result
        .out()
        .lines()
        .filter(l -> l.matches("run \\S+ of pipeline .*"))
        .map(l -> l.split(" ")[1])
        .findFirst()
        .orElseThrow(() -> new AssertionError(result.out()));
  }

  private String scalar(String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + home().resolve("metadata.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return rs.getString(1);
    }
  }

  private static long countFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).count();
    }
  }
}
