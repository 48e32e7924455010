package io.recopipe.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;

/**
 * Writes each event as a line a person reads on a terminal, in the CLI's own voice ({@code
 * recopipe: warning: scheduler: tick failed: ...}): the exception and its causes summed up on the
 * same line, the stack trace below it only when asked for ({@code RECOPIPE_DEBUG=1}), since users
 * act on the message and developers on the trace.
 */
public final class ConsoleEncoder extends EncoderBase<ILoggingEvent> {
  private static final byte[] NOTHING = new byte[0];
  private final boolean stackTraces;

  /** Creates the encoder; with {@code stackTraces} an exception's trace follows its line. */
  public ConsoleEncoder(boolean stackTraces) {
    this.stackTraces = stackTraces;
  }

  @Override
  public byte[] headerBytes() {
    return NOTHING;
  }

  @Override
  public byte[] footerBytes() {
    return NOTHING;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return line(event).getBytes(StandardCharsets.UTF_8);
  }

  /** The event's text, ending with a line break. */
  String line(ILoggingEvent event) {
    StringBuilder line =
        new StringBuilder(128)
            .append("recopipe: ")
            .append(prefix(event.getLevel()))
            .append(event.getFormattedMessage());
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      line.append(": ").append(summary(thrown));
    }
    line.append(System.lineSeparator());
    if (thrown != null && stackTraces) {
      line.append(ThrowableProxyUtil.asString(thrown)).append(System.lineSeparator());
    }
    return line.toString();
  }

  private static String prefix(Level level) {
    return switch (level.toInt()) {
      case Level.ERROR_INT -> "error: ";
      case Level.WARN_INT -> "warning: ";
      case Level.INFO_INT -> "";
      default -> "debug: ";
    };
  }

  /**
   * The exception and its causes on one line, e.g. {@code IllegalStateException: boom (caused by
   * IOException: disk full)}.
   */
  static String summary(IThrowableProxy thrown) {
    StringBuilder text = new StringBuilder(one(thrown));
    for (IThrowableProxy cause = thrown.getCause(); cause != null; cause = cause.getCause()) {
      text.append(" (caused by ").append(one(cause)).append(')');
    }
    return text.toString().replace('\n', ' ').replace('\r', ' ');
  }

  private static String one(IThrowableProxy thrown) {
    String name = thrown.getClassName();
    String simple = name.substring(name.lastIndexOf('.') + 1);
    return thrown.getMessage() == null ? simple : simple + ": " + thrown.getMessage();
  }
}
