package io.recopipe.serving;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Starts the restart {@link Supervisor} from a server that is already ready, adopting this process:
 * the server's JVM starts first and serves, and the supervisor's JVM starts afterwards, so a second
 * JVM start is never part of the time a client waits for {@code /readyz}.
 *
 * <p>The supervisor gets this JVM's class path, class-data archive and collector and heap flags (to
 * restart the server as it was started) and this server's flags without {@value
 * ServingOptions#SUPERVISE}.
 */
final class SupervisorLaunch {
  /** The system property naming the pid of the ready server a supervisor adopts. */
  static final String ADOPT_PROPERTY = "recopipe.serving.adopt";

  /** The supervisor's own JVM flags: it holds no model and needs no optimizing compiler. */
  static final List<String> SUPERVISOR_JVM =
      List.of("-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  /** JVM flags about class-data archives: shared with the supervisor, never dumped again. */
  private static final List<String> CDS_FLAGS =
      List.of(
          Supervisor.SHARED_ARCHIVE,
          "-Xshare:",
          "-XX:ArchiveClassesAtExit",
          "-XX:DumpLoadedClassList",
          "-XX:SharedClassListFile");

  private SupervisorLaunch() {}

  /** Starts the supervisor of this process, run with {@code serverArgs}; returns its pid. */
  static long start(String[] serverArgs) throws IOException {
    List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
    List<String> command =
        new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
    List<String> serverJvm = new ArrayList<>();
    for (String arg : jvmArgs) {
      if (arg.startsWith(Supervisor.SHARED_ARCHIVE) || arg.startsWith("-Xshare:")) {
        command.add(arg);
      } else if (arg.startsWith("-X") && CDS_FLAGS.stream().noneMatch(arg::startsWith)) {
        serverJvm.add(arg);
      }
    }
    command.addAll(SUPERVISOR_JVM);
    command.add("-D" + Supervisor.CHILD_JVM_PROPERTY + "=" + String.join(" ", serverJvm));
    command.add("-D" + ADOPT_PROPERTY + "=" + ProcessHandle.current().pid());
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), Supervisor.class.getName()));
    command.addAll(
        Arrays.stream(serverArgs).filter(arg -> !arg.equals(ServingOptions.SUPERVISE)).toList());
    return new ProcessBuilder(command).inheritIO().start().pid();
  }
}
