package io.recopipe.pipeline.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs the real CLI in-process with stdout and stderr captured, as a user's shell would see them.
 */
public final class CliRunner {
  /** What one invocation produced. */
  public record Result(int code, String out, String err) {
    /** The last 40 lines of stdout and all of stderr, for an assertion message. */
    public String transcript() {
      java.util.List<String> lines = out.lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()))
          + "\n"
          + err;
    }
  }

  private CliRunner() {}

  /** Runs {@code recopipe ARGS}; one invocation at a time, as System.out is swapped. */
  public static synchronized Result run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Result(
          code,
          outBytes.toString(StandardCharsets.UTF_8),
          errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
