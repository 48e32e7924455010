package io.recopipe.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A process configured as the CLI is (Logback finding {@link LogSetup} as a service): human lines
 * on stderr with the stack trace only under {@code RECOPIPE_DEBUG=1}, library INFO quiet, and Cloud
 * Logging JSON on stdout when the JSON format is asked for.
 */
class LogSetupProcessTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Runs {@link LogDemo} with {@code env}; returns {stdout, stderr}. */
  private static String[] run(Map<String, String> env) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            LogDemo.class.getName());
    builder.environment().remove(LogSetup.DEBUG_ENV);
    builder.environment().remove(LogSetup.FORMAT_ENV);
    builder.environment().putAll(env);
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), new String(err, StandardCharsets.UTF_8));
    return new String[] {
      new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8)
    };
  }

  @Test
  void theConsoleIsHumanTextWithoutTheStackTrace() throws Exception {
    String[] io = run(Map.of());
    assertEquals("", io[0]);
    assertEquals(
        List.of(
            "recopipe: step train: started",
            "recopipe: warning: step train: attempt 1 failed, retrying: IllegalStateException: boom "
                + "(caused by IOException: disk full)"),
        io[1].lines().toList());
  }

  @Test
  void debugShowsTheStackTraceWithItsCause() throws Exception {
    String err = run(Map.of(LogSetup.DEBUG_ENV, "1"))[1];
    assertTrue(err.startsWith("recopipe: step train: started"), err);
    assertTrue(err.contains("java.lang.IllegalStateException: boom"), err);
    assertTrue(err.contains("\tat io.recopipe.logging.LogDemo.main(LogDemo.java:"), err);
    assertTrue(err.contains("Caused by: java.io.IOException: disk full"), err);
    assertFalse(err.contains("library chatter"), err);
  }

  @Test
  void theJsonFormatWritesCloudLoggingLinesToStdout() throws Exception {
    String[] io = run(Map.of(LogSetup.FORMAT_ENV, "json"));
    assertEquals("", io[1]);
    List<String> lines = io[0].lines().toList();
    assertEquals(3, lines.size(), io[0]);
    JsonNode warning = JSON.readTree(lines.get(1));
    assertEquals("WARNING", warning.path("severity").asText());
    assertTrue(warning.path("exception").asText().contains("Caused by: java.io.IOException"));
    assertEquals("library chatter", JSON.readTree(lines.get(2)).path("message").asText());
  }
}
