package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real movielens-mf pipeline in a child JVM killed with SIGKILL in the middle of training, then
 * resumed: it must end SUCCEEDED with the same artifacts as an uninterrupted run. Bundles name
 * their run in provenance, so bundles are compared file by file through their manifests' SHA-256 of
 * every data file (and the image and endpoint, derived from the manifest, are left out); datasets,
 * metrics and gate decisions are compared whole.
 */
class KilledPipelineResumeIT {
  private static final String CONFIG =
      """
      ingest:
        source: preset:ml-100k
      train:
        method: gibbs
        num_factors: 60
        num_samples: 10
        burn_in_iterations: 40
        max_iterations: 400
        l2_reg: 2.0
        intercept_l2_reg: 1.0
        early_stop: false
        threads: 2
      gate:
        r2_min: 0.1
      export:
        top_n: 10
      deploy:
        enabled: false
      """;
  private static final Pattern OUTPUT =
      Pattern.compile("^\\s+output (\\w+): \\w+ (\\S+) \\(\\d+ bytes, sha256 (\\w+)\\)$");

  @TempDir Path dir;

  @Test
  void aRunKilledDuringTrainingResumesToTheSameArtifacts() throws Exception {
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, CONFIG);
    Path killedHome = dir.resolve("killed");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules",
                "jdk.incubator.vector",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "run",
                "--home",
                killedHome.toString(),
                "--config",
                config.toString())
            .redirectErrorStream(true)
            .start();
    String runId = null;
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        Matcher started = Pattern.compile("^run (\\S+) of pipeline").matcher(line);
        if (started.find()) {
          runId = started.group(1);
        }
        if (line.contains("[train] ") && line.contains("iteration 60 ")) {
          child.destroyForcibly(); // SIGKILL in the middle of training
          break;
        }
      }
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertTrue(runId != null, "the child never started a run");

    CliRunner.Result resumed = CliRunner.run("resume", runId, "--home", killedHome.toString());
    assertEquals(ExitCodes.OK, resumed.code(), resumed.out() + resumed.err());
    CliRunner.Result clean =
        CliRunner.run(
            "run", "--home", dir.resolve("clean").toString(), "--config", config.toString());
    assertEquals(ExitCodes.OK, clean.code(), clean.out() + clean.err());

    Map<String, String> afterKill = fingerprints(killedHome, runId);
    Map<String, String> uninterrupted =
        fingerprints(dir.resolve("clean"), lastRun(dir.resolve("clean")));
    assertTrue(afterKill.size() >= 6, afterKill.toString());
    assertEquals(uninterrupted, afterKill);
  }

  private static String lastRun(Path home) {
    CliRunner.Result list = CliRunner.run("runs", "list", "--home", home.toString());
    return list.out().lines().skip(2).findFirst().orElseThrow().split(" ")[0];
  }

  /** Every non-log output of the run: model bundles by data-file hashes, the rest whole. */
  private static Map<String, String> fingerprints(Path home, String runId) throws IOException {
    CliRunner.Result show = CliRunner.run("runs", "show", runId, "--home", home.toString());
    assertEquals(ExitCodes.OK, show.code(), show.err());
    Map<String, String> out = new TreeMap<>();
    String step = null;
    for (String line : show.out().lines().toList()) {
      if (line.startsWith("step ")) {
        step = line.split(" ")[1];
      }
      Matcher m = OUTPUT.matcher(line);
      // The image and endpoint derive from the bundle manifest's hash, which names the run, so
      // they differ between two runs by design; within one run (resume) they are identical.
      if (!m.matches()
          || m.group(1).equals("log")
          || "package".equals(step)
          || "deploy".equals(step)) {
        continue;
      }
      Path artifact = Path.of(m.group(2));
      Path manifest = artifact.resolve("manifest.json");
      if (Files.exists(manifest)) {
        String text = Files.readString(manifest);
        out.put(step + "." + m.group(1), text.substring(text.indexOf("\"files\"")));
      } else {
        out.put(step + "." + m.group(1), m.group(3));
      }
    }
    return out;
  }
}
