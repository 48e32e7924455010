package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.config.PipelineConfig;
import io.recopipe.pipeline.testing.FastConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config with mistakes is refused by {@code run}, {@code compile} and {@code schedule add} before
 * anything is recorded: exit 2, every problem in one line, the home byte for byte as it was (no run
 * row in metadata.db, no warehouse table, no artifact).
 */
class RunCommandConfigTest {
  private static final String IMAGE = "example/recopipe@sha256:" + "0123456789abcdef".repeat(4);

  @TempDir Path dir;

  private Path home() {
    return dir.resolve("home");
  }

  private Path fastConfig() throws IOException {
    return Files.writeString(dir.resolve("fast.yaml"), FastConfig.YAML);
  }

  private CliRunner.Result run(Path config, String... sets) {
    List<String> args =
        new ArrayList<>(List.of("run", "--home", home().toString(), "--config", config.toString()));
    for (String set : sets) {
      args.add("--set");
      args.add(set);
    }
    return CliRunner.run(args.toArray(String[]::new));
  }

  /** Every file under the home with the SHA-256 of its bytes. */
  private Map<String, String> snapshot() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(home())) {
      walk.filter(Files::isRegularFile)
          .forEach(file -> files.put(home().relativize(file).toString(), sha256(file)));
    }
    return files;
  }

  private static String sha256(Path file) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertRefused(CliRunner.Result result, String... mentions) {
    assertEquals(ExitCodes.BAD_INPUT, result.code(), result.out() + result.err());
    assertEquals(1, result.err().lines().count(), result.err());
    assertTrue(result.err().startsWith("recopipe: error: invalid config ("), result.err());
    for (String mention : mentions) {
      assertTrue(result.err().contains(mention), result.err());
    }
  }

  @Test
  void eachExampleIsRefusedBeforeAnyRunIsRecorded() throws IOException {
    Path config = fastConfig();
    CliRunner.Result first = run(config);
    assertEquals(ExitCodes.OK, first.code(), first.out() + first.err());
    Map<String, String> before = snapshot();
    assertTrue(
        before.keySet().stream().anyMatch(f -> f.endsWith("warehouse.duckdb")), before.toString());

    assertRefused(run(config, "train.num_factors=0"), "num_factors must be in 2..200");
    assertRefused(
        run(config, "gate.r2_mn=0.3"), "gate.r2_mn: unknown parameter (did you mean gate.r2_min?)");
    assertRefused(
        run(config, "deploy.port=99999"),
        "deploy: port must be an integer in 1..65535, was '99999'");
    assertRefused(run(config, "train.l2_rge=1"), "did you mean train.l2_reg?");
    assertRefused(run(config, "train.max_iterations=99999999999"), "max_iterations");
    assertEquals(before, snapshot());

    CliRunner.Result runs = CliRunner.run("runs", "list", "--home", home().toString());
    assertEquals(ExitCodes.OK, runs.code(), runs.err());
    assertFalse(runs.out().contains("FAILED"), runs.out());
  }

  @Test
  void allProblemsComeInOneMessageAndNothingIsCreated() throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("bad.yaml"),
            FastConfig.YAML + "gates:\n  r2_min: 0.1\npromotion:\n  policy: reveiw\n");
    CliRunner.Result result =
        run(config, "train.num_factors=0", "deploy.port=99999", "gate.r2_mn=0.3");
    assertRefused(
        result,
        "built-in movielens-mf.yaml + " + config + " + --set",
        "gates: unknown section (did you mean gate?)",
        "num_factors must be in 2..200",
        "gate.r2_mn: unknown parameter",
        "deploy: port must be",
        "promotion.policy: expected");
    assertFalse(Files.exists(home()), "the home was created for a refused config");
  }

  @Test
  void duplicateSectionsAndKeysNameTheirLine() throws IOException {
    Path sections =
        Files.writeString(
            dir.resolve("sections.yaml"), FastConfig.YAML + "train:\n  l2_reg: 1.0\n");
    CliRunner.Result section = run(sections);
    assertEquals(ExitCodes.BAD_INPUT, section.code(), section.err());
    assertTrue(section.err().contains("config " + sections + " line "), section.err());
    assertTrue(section.err().contains("Duplicate field 'train'"), section.err());

    Path keys = Files.writeString(dir.resolve("keys.yaml"), "train:\n  seed: 1\n  seed: 2\n");
    CliRunner.Result key = run(keys);
    assertEquals(ExitCodes.BAD_INPUT, key.code(), key.err());
    assertTrue(key.err().contains("config " + keys + " line 3, column 3:"), key.err());
    assertTrue(key.err().contains("Duplicate field 'seed'"), key.err());
    assertFalse(Files.exists(home()));
  }

  @Test
  void compileLayersTheFileOverTheShippedConfigAndRefusesMistakes() throws IOException {
    Path plain = dir.resolve("plain.json");
    CliRunner.Result shipped =
        CliRunner.run("compile", "--target", "vertex", "-o", plain.toString(), "--image", IMAGE);
    assertEquals(ExitCodes.OK, shipped.code(), shipped.err());
    Path l2 = Files.writeString(dir.resolve("l2.yaml"), "train:\n  l2_reg: 3.5\n");
    Path layered = dir.resolve("layered.json");
    CliRunner.Result withFile =
        CliRunner.run(
            "compile",
            "--target",
            "vertex",
            "-o",
            layered.toString(),
            "--image",
            IMAGE,
            "--config",
            l2.toString());
    assertEquals(ExitCodes.OK, withFile.code(), withFile.err());
    int added =
        PipelineConfig.layered(l2, Map.of()).values().size()
            - PipelineConfig.defaults().values().size();
    assertEquals(
        parameters(shipped) + added,
        parameters(withFile),
        "every built-in parameter" + " stays: " + withFile.out());
    String spec = Files.readString(layered);
    assertTrue(spec.contains("3.5"), "the file's value");
    assertTrue(
        spec.contains(PipelineConfig.defaults().values().get("ingest.source")),
        "a built-in value the file does not set");

    Path refused = dir.resolve("refused.json");
    CliRunner.Result bad =
        CliRunner.run(
            "compile",
            "--target",
            "vertex",
            "-o",
            refused.toString(),
            "--image",
            IMAGE,
            "--set",
            "gate.r2_mn=0.3");
    assertRefused(bad, "did you mean gate.r2_min?");
    assertFalse(Files.exists(refused));
  }

  private static int parameters(CliRunner.Result compiled) {
    return Integer.parseInt(compiled.out().replaceAll("(?s).*\\((\\d+) parameters.*", "$1"));
  }

  @Test
  void scheduleAddRefusesABadConfigAndAddsNothing() throws IOException {
    CliRunner.Result added =
        CliRunner.run(
            "schedule",
            "add",
            "nightly",
            "--cron",
            "0 3 * * *",
            "--home",
            home().toString(),
            "--config",
            fastConfig().toString(),
            "--set",
            "deploy.port=99999");
    assertEquals(ExitCodes.BAD_INPUT, added.code(), added.err());
    assertTrue(added.err().contains("deploy: port must be an integer in 1..65535"), added.err());
    CliRunner.Result list = CliRunner.run("schedule", "list", "--home", home().toString());
    assertFalse(list.out().contains("nightly"), list.out());
  }
}
