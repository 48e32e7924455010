package io.recopipe.components.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.packaging.ServingResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local launch of a current image: the server itself first (it starts its supervisor once
 * ready), with the image's JVM options (class data, start-up options) and its class path as
 * spelled, in the unpacked root, so an archive dumped for the image's class path applies.
 */
class ServingLauncherTest {
  @TempDir Path dir;

  @Test
  void aCurrentImageLaunchesTheServerFirstWithItsArchiveAndClassPathAsSpelled() throws Exception {
    ImageEntrypoint entry =
        ImageEntrypoint.parse(
            List.of(
                "java",
                "-XX:SharedArchiveFile=app/serving.jsa",
                "-Xshare:auto",
                "-XX:+UnlockDiagnosticVMOptions",
                "-XX:ArchiveRelocationMode=0",
                "--add-modules",
                "jdk.incubator.vector",
                "-cp",
                "app/recopipe-serving.jar:app/lib/a.jar",
                ServingLauncher.SERVING_MAIN,
                "--bundle",
                "/model",
                "--port",
                "8080"),
            "");
    Path rootfs = dir.resolve(ServingLauncher.ROOTFS);
    jarWith(
        rootfs.resolve("app/recopipe-serving.jar"),
        ServingLauncher.SUPERVISOR,
        ServingLauncher.SUPERVISOR_LAUNCH);
    List<String> command =
        ServingLauncher.command(
            "java", entry, rootfs, "recommender_model", dir, "127.0.0.1", ServingResources.local());

    assertEquals(
        List.of(
            "-XX:SharedArchiveFile=app/serving.jsa",
            "-Xshare:auto",
            "-XX:+UnlockDiagnosticVMOptions",
            "-XX:ArchiveRelocationMode=0"),
        entry.jvmOptions());
    // the image's JVM options, in its order, before the main class: a local revision starts
    // as the container does
    int first = command.indexOf("-XX:SharedArchiveFile=app/serving.jsa");
    assertEquals(entry.jvmOptions(), command.subList(first, first + 4));
    assertTrue(command.contains(ServingLauncher.SERVING_MAIN), command.toString());
    assertFalse(command.contains(ServingLauncher.SUPERVISOR), command.toString());
    assertEquals(ServingLauncher.SUPERVISE, command.get(command.size() - 1));
    assertTrue(
        command.indexOf("-XX:SharedArchiveFile=app/serving.jsa")
            < command.indexOf(ServingLauncher.SERVING_MAIN),
        command.toString());
    assertEquals("app/recopipe-serving.jar:app/lib/a.jar", command.get(command.indexOf("-cp") + 1));
    assertEquals(
        rootfs.resolve("model").toAbsolutePath().toString(),
        command.get(command.indexOf("--bundle") + 1));
    assertTrue(command.contains("--admin-secret-file"), command.toString());
  }

  @Test
  void scoringWorkersArePassedOnlyToServersThatHaveThem() throws Exception {
    ImageEntrypoint entry =
        ImageEntrypoint.parse(
            List.of(
                "java",
                "-cp",
                "app/recopipe-serving.jar",
                ServingLauncher.SERVING_MAIN,
                "--bundle",
                "/model"),
            "");
    Path older = dir.resolve("older").resolve(ServingLauncher.ROOTFS);
    jarWith(
        older.resolve("app/recopipe-serving.jar"),
        ServingLauncher.SUPERVISOR,
        ServingLauncher.SUPERVISOR_LAUNCH);
    Path current = dir.resolve("current").resolve(ServingLauncher.ROOTFS);
    jarWith(
        current.resolve("app/recopipe-serving.jar"),
        ServingLauncher.SUPERVISOR,
        ServingLauncher.SUPERVISOR_LAUNCH,
        ServingLauncher.SCORING_QUEUE);
    ServingResources resources = new ServingResources(2, 8L << 30, false);

    List<String> olderCommand =
        ServingLauncher.command(
            "java", entry, older, "recommender_model", dir, "127.0.0.1", resources);
    List<String> currentCommand =
        ServingLauncher.command(
            "java", entry, current, "recommender_model", dir, "127.0.0.1", resources);

    assertFalse(olderCommand.contains("--workers"), olderCommand.toString());
    assertEquals("6", olderCommand.get(olderCommand.indexOf("--threads") + 1));
    assertEquals("2", currentCommand.get(currentCommand.indexOf("--workers") + 1));
  }

  @Test
  void theProcessRunsInTheUnpackedRootWhereTheRelativeClassPathResolves() throws Exception {
    Path rootfs = Files.createDirectories(dir.resolve(ServingLauncher.ROOTFS));
    ServingLauncher.Started started = ServingLauncher.start(List.of("/bin/sh", "-c", "pwd"), dir);
    assertEquals(0, started.process().waitFor());
    assertEquals(rootfs.toRealPath().toString(), Files.readString(started.log()).strip());
  }

  @Test
  void anAbsoluteClassPathIsMovedUnderTheRoot() throws Exception {
    ImageEntrypoint entry =
        ImageEntrypoint.parse(
            List.of("java", "-cp", "/app/recopipe-serving.jar", ServingLauncher.SERVING_MAIN), "");
    Path rootfs = dir.resolve(ServingLauncher.ROOTFS);
    assertFalse(entry.relativeClassPath());
    assertEquals(
        rootfs.toAbsolutePath() + "/app/recopipe-serving.jar", entry.launchClassPath(rootfs));
  }

  private static void jarWith(Path jar, String... classes) throws Exception {
    Files.createDirectories(jar.getParent());
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
      for (String name : classes) {
        out.putNextEntry(new ZipEntry(name.replace('.', '/') + ".class"));
        out.closeEntry();
      }
    }
  }

  @Test
  void theLocalLaunchPassesThreadsToTheServerAndGcAndHeapThroughTheSupervisor() throws Exception {
    ImageEntrypoint entry =
        ImageEntrypoint.parse(
            List.of(
                "java", "-cp", "/app/a.jar", ServingLauncher.SERVING_MAIN, "--bundle", "/model"),
            "");
    Path rootfs = TestImages.rootfsWithSupervisor(dir);
    ServingResources resources = new ServingResources(2, 4L << 30, false);
    List<String> command =
        ServingLauncher.command(
            "java", entry, rootfs, "recommender_model", dir, "127.0.0.1", resources);
    assertTrue(
        command.contains(
            "-D"
                + ServingLauncher.CHILD_JVM_PROPERTY
                + "=-XX:+UseSerialGC -XX:MaxRAMPercentage=25"),
        command.toString());
    assertEquals("6", command.get(command.indexOf("--threads") + 1));
    // an image from before the scoring workers: its server would refuse --workers
    assertFalse(command.contains("--workers"), command.toString());
    assertTrue(command.indexOf("--add-modules") < command.indexOf(ServingLauncher.SUPERVISOR));
  }
}
