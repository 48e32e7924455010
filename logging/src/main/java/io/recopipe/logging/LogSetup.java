package io.recopipe.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The one logging configuration of the server and the CLI, written in code so that no XML is parsed
 * at start-up: Cloud Logging JSON lines on stdout ({@value #FORMAT_PROPERTY}{@code =json} or {@code
 * RECOPIPE_LOG_FORMAT=json}; the server sets it), otherwise human lines on stderr, with stack
 * traces only under {@code RECOPIPE_DEBUG=1}. Libraries log WARN and above on the console and INFO
 * and above as JSON; recopipe's own loggers INFO and above.
 *
 * <p>Logback finds this class as a service (META-INF/services); {@link LogProvider} runs it without
 * Logback's service search.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_TOP_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
  /** The system property choosing the format ({@code json} or {@code console}). */
  public static final String FORMAT_PROPERTY = "recopipe.log.format";

  /** The environment variable choosing the format when the property is not set. */
  public static final String FORMAT_ENV = "RECOPIPE_LOG_FORMAT";

  /** The environment variable that puts stack traces on the console. */
  public static final String DEBUG_ENV = "RECOPIPE_DEBUG";

  private static volatile LineAppender jsonLines;

  /** Creates the configurator (Logback instantiates it). */
  public LogSetup() {}

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    configure(
        context, System.getProperty(FORMAT_PROPERTY, System.getenv(FORMAT_ENV)), System.getenv());
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Configures {@code context} for {@code format} ("json", anything else: console). */
  static void configure(LoggerContext context, String format, Map<String, String> env) {
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    if ("json".equalsIgnoreCase(format)) {
      LineAppender lines = LineAppender.stdoutJson();
      lines.setContext(context);
      lines.start();
      root.addAppender(lines);
      root.setLevel(Level.INFO);
      jsonLines = lines;
    } else {
      ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
      console.setContext(context);
      console.setName("console");
      console.setTarget("System.err");
      ConsoleEncoder encoder = new ConsoleEncoder("1".equals(env.get(DEBUG_ENV)));
      encoder.setContext(context);
      encoder.start();
      console.setEncoder(encoder);
      console.start();
      root.addAppender(console);
      root.setLevel(Level.WARN);
    }
    context.getLogger("io.recopipe").setLevel(Level.INFO);
  }

  /**
   * The stdout appender of the JSON configuration (initializing logging if nothing logged yet), or
   * null when the console configuration is in effect.
   */
  public static LineAppender jsonLines() {
    LoggerFactory.getILoggerFactory();
    return jsonLines;
  }
}
