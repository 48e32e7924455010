package io.recopipe.components.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM flags every start of the recopipe CLI uses (the {@code recopipe} launcher, the pipeline
 * image's command, the scheduler's runs), read from the one file that declares them, {@value
 * #FILE}, which the launcher hands to {@code java} as an argument file: a flag added there reaches
 * every place the CLI starts, so a Vertex task never runs with fewer flags than a local run.
 */
public final class CliJvmFlags {
  /** The argument file beside this class (JDK {@code java @FILE} syntax, {@code #} comments). */
  public static final String FILE = "cli-jvm.args";

  /** The flags, in the file's order. */
  public static final List<String> FLAGS = read();

  private CliJvmFlags() {}

  private static List<String> read() {
    try (InputStream in = CliJvmFlags.class.getResourceAsStream(FILE)) {
      if (in == null) {
        throw new IllegalStateException(FILE + " is missing from the recopipe build");
      }
      List<String> flags = new ArrayList<>();
      new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .forEach(line -> flags.addAll(Arrays.asList(line.split("\\s+"))));
      return List.copyOf(flags);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FILE, e);
    }
  }
}
