package io.recopipe.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

/** Console lines: the CLI's voice, causes on the line, the trace only when asked for. */
class ConsoleEncoderTest {
  private static final String NL = System.lineSeparator();
  private final Logger logger = new LoggerContext().getLogger("io.recopipe.test");

  private LoggingEvent event(Level level, String message, Throwable thrown) {
    return new LoggingEvent(Logger.class.getName(), logger, level, message, thrown, null);
  }

  @Test
  void writesOneHumanLinePerLevel() {
    ConsoleEncoder console = new ConsoleEncoder(false);
    assertEquals(
        "recopipe: warning: slow disk" + NL, console.line(event(Level.WARN, "slow disk", null)));
    assertEquals("recopipe: error: gone" + NL, console.line(event(Level.ERROR, "gone", null)));
    assertEquals("recopipe: started" + NL, console.line(event(Level.INFO, "started", null)));
  }

  @Test
  void sumsUpTheExceptionAndShowsItsTraceOnlyInDebug() {
    Exception thrown =
        new IllegalStateException("tick failed", new java.sql.SQLException("database is locked"));
    LoggingEvent event = event(Level.ERROR, "scheduler: tick failed", thrown);
    String plain = new ConsoleEncoder(false).line(event);
    assertEquals(
        "recopipe: error: scheduler: tick failed: IllegalStateException: tick failed "
            + "(caused by SQLException: database is locked)"
            + NL,
        plain);
    String debug = new ConsoleEncoder(true).line(event);
    assertTrue(debug.startsWith(plain), debug);
    assertTrue(
        debug.contains(
            "java.lang.IllegalStateException: tick failed"
                + NL
                + "\tat io.recopipe.logging.ConsoleEncoderTest."),
        debug);
    assertTrue(debug.contains("Caused by: java.sql.SQLException: database is locked"), debug);
  }
}
