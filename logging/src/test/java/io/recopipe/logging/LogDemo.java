package io.recopipe.logging;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A process that logs as the CLI does, for {@link LogSetupProcessTest}. */
public final class LogDemo {
  private LogDemo() {}

  /** Logs a failure with a cause, a line of its own and a library's INFO line. */
  public static void main(String[] args) {
    Logger log = LoggerFactory.getLogger("io.recopipe.pipeline.runner.StepAttempts");
    log.info("step train: started");
    log.warn(
        "step train: attempt 1 failed, retrying",
        new IllegalStateException("boom", new IOException("disk full")));
    LoggerFactory.getLogger("org.eclipse.jetty.server.Server").info("library chatter");
  }
}
