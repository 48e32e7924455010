package io.recopipe.serving;

import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.Slf4JLoggerFactory;
import io.recopipe.logging.LogProvider;
import io.recopipe.serving.log.AccessLog;
import io.recopipe.serving.model.BackgroundLoad;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container entrypoint: parses the contract's flags, starts the server, logs when it is ready
 * (with the time since the JVM started, what Cloud Run users feel as a cold start) and exits 0
 * after a graceful stop, 1 when the bundle cannot be loaded, 2 on bad flags; with {@value
 * ServingOptions#SUPERVISE} it then starts its restart supervisor, once {@code /readyz} has
 * answered.
 */
public final class ServingMain {
  /**
   * Netty's switch for its buffer allocator's JFR events. With it on (the default whenever the JVM
   * has JFR), the first buffer a server allocates registers those event classes with JFR even
   * though no recording runs, about a tenth of a second of the first answer of a cold start, so the
   * server turns it off unless it is set on the command line.
   */
  static final String NETTY_JFR = "io.netty.jfr.enabled";

  /** The JDK's switch naming its NIO selector provider (which Netty's epoll transport opens). */
  static final String SELECTOR_PROVIDER = "java.nio.channels.spi.SelectorProvider";

  /** The JDK's own selector provider on Linux (JDK 11 and later). */
  static final String LINUX_SELECTOR_PROVIDER = "sun.nio.ch.EPollSelectorProvider";

  private ServingMain() {}

  /**
   * Settles before any Netty class initializes what Netty would otherwise probe for on every start:
   * its JFR events (off, see {@link #NETTY_JFR}) and its logging backend. Netty probes for SLF4J,
   * Log4j 2 and Log4j before it settles on the JDK's logging; naming SLF4J skips the probe, and
   * naming recopipe's SLF4J provider ({@link LogProvider}) skips SLF4J's and Logback's searches of
   * every jar for providers, configurators and configuration files, and makes every line a Cloud
   * Logging JSON line on stdout. And on Linux it names the JDK's own NIO selector provider, which
   * is what the JDK would settle on too, but only after looking for another one in every jar of the
   * class path (opening each of them, tens of milliseconds) when Netty's epoll transport opens its
   * first selector.
   */
  static void nettyDefaults() {
    if (System.getProperty(NETTY_JFR) == null) {
      System.setProperty(NETTY_JFR, "false"); // before any Netty class reads it
    }
    if (System.getProperty(SELECTOR_PROVIDER) == null
        && "Linux".equals(System.getProperty("os.name"))) {
      System.setProperty(SELECTOR_PROVIDER, LINUX_SELECTOR_PROVIDER);
    }
    LogProvider.useJson();
    InternalLoggerFactory.setDefaultFactory(Slf4JLoggerFactory.INSTANCE);
  }

  /** Runs the server until it is stopped. */
  public static void main(String[] args) throws Exception {
    nettyDefaults();
    ServingOptions options;
    try {
      options = ServingOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      LoggerFactory.getLogger(ServingMain.class).error("bad arguments: " + e.getMessage());
      System.exit(2);
      return;
    }
    // the bundle loads (the longest part of a cold start) while logging and the servers start
    BackgroundLoad loading = BackgroundLoad.start(options.bundle());
    Logger log = LoggerFactory.getLogger(ServingMain.class);
    AccessLog accessLog = AccessLog.toStdout();
    ServingProcess process = new ServingProcess(options, accessLog, loading);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (!process.stopping()) {
                    process.stopAsync("signal");
                    try {
                      process.awaitStopped();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                },
                "shutdown-hook"));
    try {
      process.start();
    } catch (Exception e) {
      log.error("cannot start: " + e.getMessage(), e);
      System.exit(1);
      return;
    }
    // the process's start as the kernel records it: what a client waiting on a cold start sees,
    // and cheaper than the management beans, whose classes would load beside the first answers
    long processStart =
        ProcessHandle.current()
            .info()
            .startInstant()
            .map(java.time.Instant::toEpochMilli)
            .orElse(System.currentTimeMillis());
    long readyMillis = System.currentTimeMillis() - processStart;
    log.atInfo()
        .addKeyValue("startup_ms", readyMillis)
        .addKeyValue("port", process.port())
        .addKeyValue("admin_port", process.adminPort())
        .addKeyValue("model_version", process.model().version())
        .log(
            "ready: serving model "
                + process.model().version()
                + " as '"
                + options.modelName()
                + "' on port "
                + process.port()
                + " (admin 127.0.0.1:"
                + process.adminPort()
                + ") "
                + readyMillis
                + " ms after process start");
    if (options.supervise()) {
      // a second JVM starting on the same cores would slow the first readiness answer down
      process.awaitAnsweredReady();
      try {
        process.supervisedBy(SupervisorLaunch.start(args));
      } catch (IOException e) {
        log.warn("cannot start the restart supervisor (serving without): " + e.getMessage(), e);
      }
    }
    process.awaitStopped();
    System.exit(0);
  }
}
