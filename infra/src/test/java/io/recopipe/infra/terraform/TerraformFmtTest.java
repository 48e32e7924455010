package io.recopipe.infra.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code terraform fmt -check} where terraform is installed (skipped otherwise). */
class TerraformFmtTest {
  private static final Optional<Path> TERRAFORM =
      Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
          .filter(dir -> !dir.isBlank())
          .map(dir -> Path.of(dir, "terraform"))
          .filter(Files::isExecutable)
          .findFirst();

  @Test
  void terraformFilesAreCanonicallyFormatted() throws Exception {
    Result result = fmtCheck(TerraformModule.DIRECTORY);
    assertEquals(
        0,
        result.exit(),
        "terraform fmt -check -recursive -diff terraform/ wants:\n" + result.output());
  }

  @Test
  void fmtCheckCatchesAMisalignedFile(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("bad.tf"),
        "variable \"x\" {\n  type = string\n" + "  default     = \"y\"\n}\n");
    Result result = fmtCheck(dir);
    assertNotEquals(0, result.exit(), result.output());
    assertTrue(result.output().contains("bad.tf"), result.output());
  }

  private static Result fmtCheck(Path dir) throws IOException, InterruptedException {
    assumeTrue(TERRAFORM.isPresent(), "terraform is not on PATH: terraform fmt check skipped");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    TERRAFORM.get().toString(),
                    "fmt",
                    "-check",
                    "-recursive",
                    "-diff",
                    dir.toString()))
            .redirectErrorStream(true);
    builder.environment().put("TF_IN_AUTOMATION", "1");
    builder.environment().put("CHECKPOINT_DISABLE", "1");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "terraform fmt did not finish in 60s");
    return new Result(process.exitValue(), output);
  }

  private record Result(int exit, String output) {}
}
