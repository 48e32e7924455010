package io.recopipe.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends java.util.logging records, which the Google Cloud client libraries write, into SLF4J, so
 * they reach the one encoder instead of JUL's own stderr lines. JUL's levels follow Logback's, so a
 * record Logback would drop is never built. Only the CLI and the Vertex task call it: the server
 * never touches java.util.logging (its image leaves the bridge out).
 */
public final class JulBridge {
  private JulBridge() {}

  /** Replaces JUL's console handler by the bridge; idempotent. */
  public static synchronized void install() {
    if (SLF4JBridgeHandler.isInstalled()) {
      return;
    }
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    LevelChangePropagator levels = new LevelChangePropagator();
    levels.setContext(context);
    levels.setResetJUL(true);
    levels.start();
    context.addListener(levels);
    for (Logger logger : context.getLoggerList()) {
      if (logger.getLevel() != null) {
        levels.onLevelChange(logger, logger.getLevel());
      }
    }
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
  }
}
