package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.infra.profile.GoogleCredentialsCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --profile gcp} refuses a bad gcp section or missing credentials before any call. */
class ProfileOptionTest {
  @TempDir Path dir;

  @AfterEach
  void restore() {
    ProfileOption.credentials = GoogleCredentialsCheck.APPLICATION_DEFAULT;
  }

  private List<String> args(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--home",
                dir.resolve("home").toString(),
                "--data",
                "preset:ml-100k",
                "--profile",
                "gcp"));
    args.addAll(List.of(extra));
    return args;
  }

  @Test
  void everyMissingGcpFieldIsNamedInOneLineBeforeAnyCall() {
    ProfileOption.credentials =
        () -> {
          throw new AssertionError(
              "credentials must not be looked up before the config is checked");
        };
    CliRunner.Result r =
        CliRunner.run(args("--set", "gcp.region=europe-west1").toArray(String[]::new));
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
    String line = r.err().strip();
    assertEquals(1, line.lines().count(), line);
    for (String field :
        List.of(
            "gcp.project",
            "gcp.dataset",
            "gcp.bucket",
            "gcp.repository",
            "gcp.service",
            "gcp.pipeline_service_account",
            "gcp.serving_service_account")) {
      assertTrue(line.contains(field + " (missing"), field + " in " + line);
    }
    assertFalse(line.contains("gcp.region"), line);
    assertFalse(Files.exists(dir.resolve("home").resolve("metadata.db")), "no run was recorded");
  }

  @Test
  void theConfigsTheSectionsAndTheEnginesProblemsAreOneLine() {
    ProfileOption.credentials =
        () -> {
          throw new AssertionError("credentials must not be looked up for a bad config");
        };
    CliRunner.Result r =
        CliRunner.run(
            args(
                    "--set",
                    "gcp.region=europe-west1",
                    "--set",
                    "resources.cpu_limit=abc",
                    "--set",
                    "train.method=gibbs")
                .toArray(String[]::new));
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
    String line = r.err().strip();
    assertEquals(1, line.lines().count(), line);
    assertTrue(line.contains("gcp.project (missing"), line);
    assertTrue(line.contains("resources.cpu_limit"), line);
    assertTrue(line.contains("train.method gibbs (BigQuery ML fits ALS only"), line);
  }

  @Test
  void missingCredentialsAreOneLineWithTheFix() {
    ProfileOption.credentials =
        () -> {
          throw new IOException("The Application Default Credentials are not available.\nmore");
        };
    CliRunner.Result r =
        CliRunner.run(
            args(
                    "--set",
                    "gcp.project=recopipe-demo",
                    "--set",
                    "gcp.region=europe-west1",
                    "--set",
                    "gcp.dataset=recopipe",
                    "--set",
                    "gcp.bucket=recopipe-demo-artifacts",
                    "--set",
                    "gcp.repository=recopipe",
                    "--set",
                    "gcp.service=recommender",
                    "--set",
                    "gcp.pipeline_service_account=pipeline@recopipe-demo.iam.gserviceaccount.com",
                    "--set",
                    "gcp.serving_service_account=serving@recopipe-demo.iam.gserviceaccount.com")
                .toArray(String[]::new));
    assertEquals(ExitCodes.FAILED, r.code(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(
        r.err()
            .contains(
                "found no Google credentials (The Application Default "
                    + "Credentials are not available.); run `gcloud auth application-default login`"),
        r.err());
  }

  @Test
  void anUnknownProfileIsBadInput() {
    CliRunner.Result r = CliRunner.run("run", "--home", dir.toString(), "--profile", "aws");
    assertEquals(ExitCodes.BAD_INPUT, r.code());
    assertTrue(r.err().contains("--profile aws: expected local or gcp"), r.err());
  }
}
