package io.recopipe.serving.log;

import io.netty.util.internal.logging.AbstractInternalLogger;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * Netty's logging backend for the server: its INFO, WARN and ERROR messages become lines of the
 * server's own JSON log (stderr until a log is {@link #sendTo attached}), DEBUG and TRACE are
 * off. Netty's JDK-logging backend sent them to stderr through java.util.logging, whose set-up
 * (reading the logging and security properties, and a service lookup through every jar of the
 * class path) was about a tenth of a second of every cold start.
 */
public final class NettyLogs extends InternalLoggerFactory {
  /** The factory; installed before any Netty class logs. */
  public static final NettyLogs FACTORY = new NettyLogs();
  private static volatile JsonLog sink;

  private NettyLogs() {
  }

  /** Makes this the backend of every Netty logger created from now on. */
  public static void install() {
    InternalLoggerFactory.setDefaultFactory(FACTORY);
  }

  /** Sends Netty's messages to {@code log} from now on ({@code null}: to stderr). */
  public static void sendTo(JsonLog log) {
    sink = log;
  }

  @Override
  protected InternalLogger newInstance(String name) {
    return new Logger(name);
  }

  /** Replaces each {@code {}} of {@code format} with the next argument, as Netty's loggers do. */
  static String format(String format, Object... args) {
    if (format == null || args.length == 0) {
      return String.valueOf(format);
    }
    StringBuilder text = new StringBuilder(format.length() + 32);
    int from = 0;
    int arg = 0;
    for (int at = format.indexOf("{}"); at >= 0 && arg < args.length;
        at = format.indexOf("{}", from)) {
      text.append(format, from, at).append(args[arg++]);
      from = at + 2;
    }
    return text.append(format, from, format.length()).toString();
  }

  /** The throwable Netty passes as the last argument after the placeholders' values, if any. */
  static Throwable thrown(Object... args) {
    return args.length > 0 && args[args.length - 1] instanceof Throwable t ? t : null;
  }

  static void emit(String severity, String logger, String message, Throwable thrown) {
    JsonLog log = sink;
    String trace = null;
    if (thrown != null) {
      StringWriter text = new StringWriter();
      thrown.printStackTrace(new PrintWriter(text));
      trace = text.toString();
    }
    if (log == null) {
      System.err.println(severity + " " + logger + ": " + message
          + (trace == null ? "" : "\n" + trace));
    } else {
      log.write(severity, message, trace == null ? Map.of("logger", logger)
          : Map.of("logger", logger, "exception", trace), null);
    }
  }

  /** One named logger: INFO and above enabled. */
  private static final class Logger extends AbstractInternalLogger {
    private static final long serialVersionUID = 1L;

    Logger(String name) {
      super(name);
    }

    private void log(String severity, String format, Object... args) {
      emit(severity, name(), format(format, args), thrown(args));
    }

    private void log(String severity, String message, Throwable thrown) {
      emit(severity, name(), message, thrown);
    }

    // @formatter:off
    @Override public boolean isTraceEnabled() { return false; }
    @Override public void trace(String msg) { }
    @Override public void trace(String format, Object arg) { }
    @Override public void trace(String format, Object argA, Object argB) { }
    @Override public void trace(String format, Object... arguments) { }
    @Override public void trace(String msg, Throwable t) { }
    @Override public boolean isDebugEnabled() { return false; }
    @Override public void debug(String msg) { }
    @Override public void debug(String format, Object arg) { }
    @Override public void debug(String format, Object argA, Object argB) { }
    @Override public void debug(String format, Object... arguments) { }
    @Override public void debug(String msg, Throwable t) { }
    @Override public boolean isInfoEnabled() { return true; }
    @Override public void info(String msg) { log("INFO", msg, (Throwable) null); }
    @Override public void info(String format, Object arg) { log("INFO", format, arg); }
    @Override public void info(String format, Object a, Object b) { log("INFO", format, a, b); }
    @Override public void info(String format, Object... arguments) { log("INFO", format, arguments); }
    @Override public void info(String msg, Throwable t) { log("INFO", msg, t); }
    @Override public boolean isWarnEnabled() { return true; }
    @Override public void warn(String msg) { log("WARNING", msg, (Throwable) null); }
    @Override public void warn(String format, Object arg) { log("WARNING", format, arg); }
    @Override public void warn(String format, Object a, Object b) { log("WARNING", format, a, b); }
    @Override public void warn(String format, Object... arguments) { log("WARNING", format, arguments); }
    @Override public void warn(String msg, Throwable t) { log("WARNING", msg, t); }
    @Override public boolean isErrorEnabled() { return true; }
    @Override public void error(String msg) { log("ERROR", msg, (Throwable) null); }
    @Override public void error(String format, Object arg) { log("ERROR", format, arg); }
    @Override public void error(String format, Object a, Object b) { log("ERROR", format, a, b); }
    @Override public void error(String format, Object... arguments) { log("ERROR", format, arguments); }
    @Override public void error(String msg, Throwable t) { log("ERROR", msg, t); }
    // @formatter:on
  }
}
