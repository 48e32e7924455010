package io.recopipe.components.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.packaging.ServingResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deploy.host}: loopback by default, IP literals and hostnames only, on the command. */
class DeploySettingsTest {
  @TempDir Path dir;

  @Test
  void hostDefaultsToLoopbackAndReachesTheCommandLine() throws Exception {
    DeploySettings settings = DeploySettings.parse("deploy", Map.of());
    assertEquals("127.0.0.1", settings.host());
    ImageEntrypoint entry =
        ImageEntrypoint.parse(
            List.of(
                "java", "-cp", "/app/a.jar", ServingLauncher.SERVING_MAIN, "--bundle", "/model"),
            "");
    Path rootfs = TestImages.rootfsWithSupervisor(dir);
    List<String> command =
        ServingLauncher.command(
            "java",
            entry,
            rootfs,
            "recommender_model",
            dir,
            settings.host(),
            ServingResources.local());
    assertEquals("127.0.0.1", command.get(command.indexOf("--host") + 1));
    assertTrue(command.contains(ServingLauncher.SUPERVISOR), command.toString());
    assertEquals(
        dir.resolve("admin.secret").toString(),
        command.get(command.indexOf("--admin-secret-file") + 1));
    assertEquals(
        dir.resolve(EndpointRegistry.JOURNAL).toString(),
        command.get(command.indexOf("--journal") + 1));
  }

  @Test
  void anImageFromBeforeTheSupervisorRunsAsItWasBuilt() throws Exception {
    ImageEntrypoint entry =
        ImageEntrypoint.parse(
            List.of(
                "java", "-cp", "/app/a.jar", ServingLauncher.SERVING_MAIN, "--bundle", "/model"),
            "");
    Path rootfs = Files.createDirectories(dir.resolve("old/app"));
    try (ZipOutputStream jar =
        new ZipOutputStream(Files.newOutputStream(rootfs.resolve("a.jar")))) {
      jar.putNextEntry(new ZipEntry("io/recopipe/serving/ServingMain.class"));
      jar.closeEntry();
    }
    List<String> command =
        ServingLauncher.command(
            "java",
            entry,
            rootfs.getParent(),
            "recommender_model",
            dir,
            "127.0.0.1",
            ServingResources.local());
    assertTrue(command.contains(ServingLauncher.SERVING_MAIN), command.toString());
    assertFalse(command.contains("--admin-secret-file"), command.toString());
    assertEquals("127.0.0.1", command.get(command.indexOf("--host") + 1));
  }

  @Test
  void acceptsIpLiteralsAndHostnames() throws Exception {
    for (String host :
        List.of(
            "0.0.0.0",
            "192.168.1.20",
            "::1",
            "fe80::1",
            "localhost",
            "serving-1.internal.example")) {
      assertEquals(host, DeploySettings.parse("deploy", Map.of("host", host)).host());
    }
  }

  @Test
  void refusesAnythingElseInOneEscapedLine() {
    for (String host :
        List.of(
            "256.1.1.1", "1.2.3", "bad host", "-lead.example", "a_b", "http://x", "evil\nhost")) {
      ComponentException e =
          assertThrows(
              ComponentException.class,
              () -> DeploySettings.parse("deploy", Map.of("host", host)),
              host);
      assertTrue(
          e.getMessage().startsWith("deploy: host must be an IP address or a hostname"),
          e.getMessage());
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
  }

  @Test
  void everyOtherParameterHasItsDefaultAndOneLineNamingIt() throws Exception {
    DeploySettings defaults = DeploySettings.parse("deploy", Map.of("port", " "));
    assertTrue(defaults.enabled());
    assertEquals(8501, defaults.port());
    assertEquals("recommender_model", defaults.modelName());
    assertEquals(3, defaults.smokeUsers());
    assertEquals(60, defaults.readyTimeout().toSeconds());
    assertEquals(0, defaults.canaryPercent());
    Map<String, String> bad =
        Map.of(
            "enabled", "yes",
            "port", "0",
            "model_name", "a b",
            "smoke_users", "1001",
            "ready_timeout_seconds", "x");
    List<String> expected =
        List.of(
            "deploy: enabled must be true or false, was 'yes'",
            "deploy: port must be an integer in 1..65535, was '0'",
            "deploy: model_name must be letters, digits, '_', '.' or '-', was 'a b'",
            "deploy: smoke_users must be an integer in 0..1000, was '1001'",
            "deploy: ready_timeout_seconds must be an integer in 1..3600, was 'x'");
    List<String> keys =
        List.of("enabled", "port", "model_name", "smoke_users", "ready_timeout_seconds");
    for (int n = 0; n < keys.size(); n++) {
      Map<String, String> one = Map.of(keys.get(n), bad.get(keys.get(n)));
      ComponentException e =
          assertThrows(ComponentException.class, () -> DeploySettings.parse("deploy", one));
      assertEquals(expected.get(n), e.getMessage());
    }
    ComponentException first =
        assertThrows(ComponentException.class, () -> DeploySettings.parse("deploy", bad));
    assertEquals(expected.get(0), first.getMessage());
  }
}
