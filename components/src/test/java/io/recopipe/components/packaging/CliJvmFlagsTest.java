package io.recopipe.components.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CLI's JVM flags have one definition: the argument file the {@code recopipe} launcher hands to
 * {@code java}, which is also what the pipeline image's command and the scheduler read.
 */
class CliJvmFlagsTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void theFlagsOpenJavaNioAndAddTheVectorApi() {
    assertEquals(
        List.of(
            "--add-modules",
            "jdk.incubator.vector",
            "--add-opens",
            "java.base/java.nio=ALL-UNNAMED",
            "-XX:+UseParallelGC"),
        CliJvmFlags.FLAGS);
  }

  @Test
  void theLauncherPassesTheSameFileAndNoFlagOfItsOwn() throws Exception {
    String launcher = Files.readString(ROOT.resolve("recopipe"));
    Path file =
        ROOT.resolve("components/src/main/resources/io/recopipe/components/packaging")
            .resolve(CliJvmFlags.FILE);
    assertTrue(Files.isRegularFile(file), file.toString());
    assertTrue(
        launcher.contains(
            "jvm_flags=\"$here/" + ROOT.relativize(file).toString().replace('\\', '/') + "\""),
        launcher);
    assertTrue(launcher.contains("exec \"$java_bin\" @\"$jvm_flags\" "), launcher);
    for (String flag : CliJvmFlags.FLAGS) {
      if (flag.startsWith("-")) {
        assertEquals(
            1, launcher.split(java.util.regex.Pattern.quote(flag), -1).length, "copied: " + flag);
      }
    }
  }

  @Test
  void javaReadsTheFileAsTheLauncherPassesIt() throws Exception {
    Path file =
        ROOT.resolve("components/src/main/resources/io/recopipe/components/packaging")
            .resolve(CliJvmFlags.FILE);
    Process java =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + file,
                "-XX:+PrintCommandLineFlags",
                "-version")
            .redirectErrorStream(true)
            .start();
    String out = new String(java.getInputStream().readAllBytes());
    assertEquals(0, java.waitFor(), out);
    assertTrue(out.contains("-XX:+UseParallelGC"), out);
    assertTrue(out.contains("incubator modules: jdk.incubator.vector"), out);
  }
}
