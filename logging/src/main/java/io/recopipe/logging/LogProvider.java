package io.recopipe.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.CoreConstants;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J's binding to Logback configured by {@link LogSetup}, for a process that names it in {@value
 * #PROPERTY} (the server does): SLF4J then loads it directly instead of searching every jar for
 * providers, and Logback skips its own search for configurators and configuration files, both of
 * which a cold start would otherwise pay for.
 */
public final class LogProvider implements SLF4JServiceProvider {
  /** SLF4J's system property naming the provider class. */
  public static final String PROPERTY = "slf4j.provider";

  private final LoggerContext context = new LoggerContext();
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final LogbackMDCAdapter mdc = new LogbackMDCAdapter();

  /** Creates the provider (SLF4J instantiates it). */
  public LogProvider() {}

  /**
   * Names this provider to SLF4J and the JSON format to {@link LogSetup}, unless the command line
   * set them; call before anything logs.
   */
  public static void useJson() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, LogProvider.class.getName());
      // SLF4J announces an explicitly named provider on stderr at its INFO verbosity
      if (System.getProperty("slf4j.internal.verbosity") == null) {
        System.setProperty("slf4j.internal.verbosity", "WARN");
      }
    }
    if (System.getProperty(LogSetup.FORMAT_PROPERTY) == null) {
      System.setProperty(LogSetup.FORMAT_PROPERTY, "json");
    }
  }

  @Override
  public void initialize() {
    context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
    context.setMDCAdapter(mdc);
    LogSetup setup = new LogSetup();
    setup.setContext(context);
    setup.configure(context);
    context.start();
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return context;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }
}
