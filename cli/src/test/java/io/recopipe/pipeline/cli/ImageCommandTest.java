package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.error.InvalidInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code image push} checks the profile and the whole gcp section before pushing anything. */
class ImageCommandTest {
  @TempDir Path dir;

  @Test
  void onlyTheGcpProfilePushes() {
    CliRunner.Result r =
        CliRunner.run("image", "push", "--profile", "local", "--home", dir.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code());
    assertTrue(
        r.err().contains("--profile local: images are pushed only in the gcp profile"), r.err());
  }

  @Test
  void theDefaultJarIsTheOneHoldingTheCliNotTheClassPath() throws Exception {
    Path picocli = CliJar.of(picocli.CommandLine.class);
    assertEquals(
        Path.of(
            picocli.CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
        picocli);
    assertTrue(picocli.toString().endsWith(".jar"), picocli.toString());
    // here the CLI runs from its build's class directory, which is no image content
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> CliJar.of(ImageCommand.class));
    assertTrue(e.getMessage().contains("pass --jar cli/target/recopipe-cli.jar"), e.getMessage());
    assertTrue(e.getMessage().contains("classes in "), e.getMessage());
  }

  @Test
  void everyMissingGcpFieldIsNamedFirst() {
    CliRunner.Result r =
        CliRunner.run(
            "image",
            "push",
            "--profile",
            "gcp",
            "--home",
            dir.toString(),
            "--set",
            "gcp.project=recopipe-demo");
    assertEquals(ExitCodes.BAD_INPUT, r.code());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(
        r.err().contains("gcp.region (missing") && r.err().contains("gcp.bucket (missing"),
        r.err());
  }
}
