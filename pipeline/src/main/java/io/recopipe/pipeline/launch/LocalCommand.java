package io.recopipe.pipeline.launch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a container command into one this machine can run. The recopipe pipeline image starts the
 * CLI as {@code java [JVM flags] -cp /app/… io.recopipe.pipeline.cli.Main} (or {@code -jar
 * /app/….jar}); here that becomes this machine's java with the spec's JVM flags (the launcher's),
 * this JVM's heap and GC flags the spec does not already have, a private temporary directory (a
 * container's {@code /tmp} ends with it) and this build's classpath, exactly as {@code recopipe}
 * and the scheduler start the CLI. Any other command runs as written.
 */
final class LocalCommand {
  /** The CLI's main class, as the pipeline image's command names it. */
  static final String MAIN = "io.recopipe.pipeline.cli.Main";

  private LocalCommand() {}

  /** Whether {@code command} starts the recopipe CLI of the pipeline image. */
  static boolean startsRecopipe(List<String> command) {
    if (command.isEmpty() || !Path.of(command.get(0)).getFileName().toString().equals("java")) {
      return false;
    }
    return command.contains(MAIN)
        || jarIndex(command).map(i -> command.get(i + 1).startsWith("/app/")).orElse(false);
  }

  /** The command to run for container command {@code command} (args follow it). */
  static List<String> local(List<String> command, Path tmp) {
    if (!startsRecopipe(command)) {
      return command;
    }
    List<String> local = new ArrayList<>();
    local.add(javaBinary());
    int end = command.contains(MAIN) ? command.indexOf(MAIN) : jarIndex(command).orElseThrow();
    for (int i = 1; i < end; i++) {
      String flag = command.get(i);
      if (flag.equals("-cp") || flag.equals("-classpath") || flag.equals("--class-path")) {
        i++;
      } else {
        local.add(flag);
      }
    }
    for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if ((flag.startsWith("-Xmx") || flag.startsWith("-XX:")) && !local.contains(flag)) {
        local.add(flag);
      }
    }
    local.add("-Djava.io.tmpdir=" + tmp);
    local.add("-cp");
    local.add(System.getProperty("java.class.path"));
    local.add(MAIN);
    int rest = command.contains(MAIN) ? end + 1 : end + 2;
    local.addAll(command.subList(rest, command.size()));
    return local;
  }

  /**
   * What takes the image's place in a cache key when the CLI runs from this build: each classpath
   * entry's name, size and modification time.
   */
  static String buildIdentity() {
    StringBuilder identity = new StringBuilder();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry);
      identity.append(entry);
      try {
        identity.append(':').append(Files.size(path));
        identity.append(':').append(Files.getLastModifiedTime(path).toMillis());
      } catch (IOException e) {
        identity.append(":absent");
      }
      identity.append(';');
    }
    return identity.toString();
  }

  private static Optional<Integer> jarIndex(List<String> command) {
    int index = command.indexOf("-jar");
    return index > 0 && index + 1 < command.size() ? Optional.of(index) : Optional.empty();
  }

  private static String javaBinary() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
