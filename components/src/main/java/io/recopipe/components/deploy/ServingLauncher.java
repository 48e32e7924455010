package io.recopipe.components.deploy;

import io.recopipe.components.packaging.ServingResources;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * Starts a serving process from an unpacked image as a detached child (own session, output to
 * {@code serving.log}, so it outlives the {@code recopipe} CLI) and waits until it is ready: its
 * state file written and {@code /readyz} answering 200.
 */
final class ServingLauncher {
  private static final List<String> SETSID = List.of("/usr/bin/setsid", "/bin/setsid");
  private static final long POLL_MILLIS = 10;

  /** A revision's unpacked image, under its directory. */
  static final String ROOTFS = "rootfs";

  /** The real server's main class, which runs under the restart supervisor. */
  static final String SERVING_MAIN = "io.recopipe.serving.ServingMain";

  /** The supervisor that restarts a crashed server once (serving module). */
  static final String SUPERVISOR = "io.recopipe.serving.Supervisor";

  /** The server side of the supervisor: a server that can start its own supervisor has it. */
  static final String SUPERVISOR_LAUNCH = "io.recopipe.serving.SupervisorLaunch";

  /** In images whose server takes {@code --workers}. */
  static final String SCORING_QUEUE = "io.recopipe.serving.http.ScoringQueue";

  /** The server flag that makes it start its restart supervisor once ready. */
  static final String SUPERVISE = "--supervise";

  /** The supervisor's system property holding the server's JVM flags, space-separated. */
  static final String CHILD_JVM_PROPERTY = "recopipe.serving.jvm";

  /** A started process: the handle and where its files are. */
  record Started(Process process, Path stateFile, Path log) {}

  private ServingLauncher() {}

  /**
   * The full command line that runs {@code entry} from {@code rootfs} with {@code java}, bound to
   * {@code host}, with the state file, admin secret and journal in {@code revisionDir}. The server
   * starts first and serves; once ready it starts its restart supervisor itself ({@value
   * #SUPERVISE}), so that second JVM is not part of a cold start. It gets the image's JVM options
   * (class-data archive, start-up options) and class path as the entrypoint spells them (it runs in
   * {@code rootfs}, see {@link #start}). Older images run as they were built: one whose server
   * cannot start its supervisor runs under the supervisor (a small heap: it holds no model), one
   * from before the supervisor without supervisor, admin secret and journal, flags its server would
   * refuse. The server's threads, collector and heap come from {@code resources}.
   */
  static List<String> command(
      String java,
      ImageEntrypoint entry,
      Path rootfs,
      String modelName,
      Path revisionDir,
      String host,
      ServingResources resources) {
    Path dir = revisionDir.toAbsolutePath();
    List<String> cmd = new ArrayList<>();
    for (String setsid : SETSID) {
      if (Files.isExecutable(Path.of(setsid))) {
        cmd.add(setsid);
        break;
      }
    }
    boolean serving = entry.mainClass().equals(SERVING_MAIN);
    boolean selfSupervised = serving && hasClass(entry, rootfs, SUPERVISOR_LAUNCH);
    boolean supervised = serving && !selfSupervised && hasClass(entry, rootfs, SUPERVISOR);
    cmd.add(java);
    if (supervised) {
      cmd.addAll(
          List.of(
              "-Xmx32m",
              "-XX:TieredStopAtLevel=1",
              "-XX:+UseSerialGC",
              "-D" + CHILD_JVM_PROPERTY + "=" + String.join(" ", resources.jvmFlags())));
    } else if (serving) {
      cmd.addAll(resources.jvmFlags());
    }
    cmd.addAll(entry.jvmOptions());
    cmd.addAll(
        List.of(
            "--add-modules",
            "jdk.incubator.vector",
            "-cp",
            entry.launchClassPath(rootfs),
            supervised ? SUPERVISOR : entry.mainClass(),
            "--bundle",
            entry.hostBundle(rootfs).toString(),
            "--host",
            host,
            "--port",
            "0",
            "--admin-port",
            "0",
            "--model-name",
            modelName,
            "--state-file",
            dir.resolve("state.json").toString(),
            "--reuse-port"));
    if (selfSupervised || supervised || !serving) {
      cmd.addAll(
          List.of(
              "--admin-secret-file",
              dir.resolve(AdminSecret.FILE).toString(),
              "--journal",
              dir.resolve(EndpointRegistry.JOURNAL).toString()));
    }
    if (selfSupervised || supervised) {
      cmd.addAll(resources.serverArgs(hasClass(entry, rootfs, SCORING_QUEUE)));
    }
    if (selfSupervised) {
      cmd.add(SUPERVISE);
    }
    return cmd;
  }

  /** Whether the image's class path holds {@code className} (images built since it exists). */
  static boolean hasClass(ImageEntrypoint entry, Path rootfs, String className) {
    String entryName = className.replace('.', '/') + ".class";
    for (String jar : entry.hostClassPath(rootfs).split(File.pathSeparator)) {
      if (!jar.endsWith(".jar") || !Files.isRegularFile(Path.of(jar))) {
        continue;
      }
      try (ZipFile zip = new ZipFile(jar)) {
        if (zip.getEntry(entryName) != null) {
          return true;
        }
      } catch (IOException e) {
        // not a readable jar: look at the next entry
      }
    }
    return false;
  }

  /**
   * Starts {@code command} with output to the {@code serving.log} of {@code revisionDir}, in its
   * unpacked root filesystem when it has one (the image's working directory is its root, so a
   * relative class path and archive resolve as in the container), else in {@code revisionDir}.
   */
  static Started start(List<String> command, Path revisionDir) throws IOException {
    Path log = revisionDir.resolve("serving.log");
    Path state = revisionDir.resolve("state.json");
    Files.deleteIfExists(state);
    Path rootfs = revisionDir.resolve(ROOTFS);
    Path workingDir = Files.isDirectory(rootfs) ? rootfs : revisionDir;
    Process process =
        new ProcessBuilder(command)
            .directory(workingDir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectErrorStream(true)
            .start();
    return new Started(process, state, log);
  }

  /**
   * Waits for the state file, then for {@code /readyz}; fails when the process dies or time is up.
   */
  static ServingState awaitReady(Started started, Duration timeout) throws CheckFailedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    ServingState state = null;
    while (System.nanoTime() < deadline) {
      if (!started.process().isAlive()) {
        throw new CheckFailedException(
            "the serving process exited with code "
                + started.process().exitValue()
                + " before it was ready: "
                + lastLine(started.log()));
      }
      if (state == null) {
        state = ServingState.read(started.stateFile()).orElse(null);
      }
      if (state != null) {
        try {
          if (state.client().get(state.port(), "/readyz").ok()) {
            return state;
          }
        } catch (IOException e) {
          // not listening yet
        }
      }
      sleep();
    }
    throw new CheckFailedException(
        "not ready within "
            + timeout.toSeconds()
            + " s ("
            + (state == null ? "no state file" : "/readyz never answered 200")
            + ")");
  }

  /** The last non-blank line of {@code log}, for a one-line reason. */
  static String lastLine(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank()) {
          String line = lines.get(i).strip();
          return line.length() > 300 ? line.substring(0, 300) + "…" : line;
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through
    }
    return "(see " + log + ")";
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
