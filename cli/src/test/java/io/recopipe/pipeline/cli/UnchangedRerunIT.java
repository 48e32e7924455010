package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.deploy.EndpointRegistry;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the real serving process: an identical rerun registers nothing and redeploys nothing ("v1
 * unchanged, already serving"), and a new model's deploy retires the one it replaces, so exactly
 * one version is DEPLOYED at any time.
 */
class UnchangedRerunIT {
  @TempDir Path dir;

  private String home() {
    return dir.resolve("home").toString();
  }

  @AfterEach
  void undeploy() {
    CliRunner.run("undeploy", "--home", home());
  }

  @Test
  void anIdenticalRerunKeepsServingAndANewModelRetiresTheOldOne() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path config =
        Files.writeString(
            dir.resolve("deploy.yaml"),
            RunCommandTest.FAST_CONFIG.replace("enabled: false", "enabled: true\n  port: " + port));
    CliRunner.Result first = CliRunner.run("run", "--home", home(), "--config", config.toString());
    assertEquals(ExitCodes.OK, first.code(), first.out() + first.err());
    assertEquals(List.of("1 DEPLOYED"), statuses());
    int revisions =
        EndpointRegistry.load(dir.resolve("home").resolve("serving")).revisions().size();

    CliRunner.Result again = CliRunner.run("run", "--home", home(), "--config", config.toString());
    assertEquals(ExitCodes.OK, again.code(), again.out() + again.err());
    assertTrue(
        again.out().contains("[deploy] skipped: movielens-mf v1 unchanged, already" + " serving"),
        again.out());
    assertEquals(List.of("1 DEPLOYED"), statuses());
    assertEquals(
        revisions,
        EndpointRegistry.load(dir.resolve("home").resolve("serving")).revisions().size(),
        "no new serving revision");

    CliRunner.Result changed =
        CliRunner.run(
            "run",
            "--home",
            home(),
            "--config",
            config.toString(),
            "--set",
            "train.max_iterations=7");
    assertEquals(ExitCodes.OK, changed.code(), changed.out() + changed.err());
    assertEquals(List.of("2 DEPLOYED", "1 RETIRED"), statuses());
    assertEquals(ExitCodes.OK, CliRunner.run("audit", "verify", "--home", home()).code());
  }

  /** {@code models list} as "version STATUS", newest first. */
  private List<String> statuses() {
    CliRunner.Result list = CliRunner.run("models", "list", "--home", home());
    assertEquals(ExitCodes.OK, list.code(), list.err());
    return list.out()
        .lines()
        .skip(2)
        .map(l -> l.split("\\|"))
        .filter(cells -> cells.length > 2)
        .map(cells -> cells[0].strip() + " " + cells[1].strip())
        .toList();
  }
}
