package io.recopipe.pipeline.web;

import io.javalin.Javalin;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.AbstractConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review web page of {@code recopipe server}: server-rendered HTML over one home (pending
 * promotions, evidence, approve/reject, runs, models, rollback), with cookie sessions, CSRF tokens
 * and strict security headers, because approving a model here deploys it.
 */
public final class ReviewServer implements AutoCloseable {
  /** How long a connection may stay silent, e.g. while an approval deploys before it answers. */
  static final Duration ACTION_TIMEOUT = Duration.ofMinutes(15);

  private static final Logger LOG = LoggerFactory.getLogger(ReviewServer.class);

  private final Javalin app;
  private final String host;
  private final List<AutoCloseable> companions;

  private ReviewServer(Javalin app, String host, List<AutoCloseable> companions) {
    this.app = app;
    this.host = host;
    this.companions = companions;
  }

  /**
   * Starts the page for {@code site} on {@code host}:{@code port} (0 = any free port). {@code
   * companions} are services that live as long as the server (the scheduler) and are closed, last
   * first, when it closes; unexpected errors go to the log.
   */
  public static ReviewServer start(
      ReviewSite site, String host, int port, List<AutoCloseable> companions) {
    return start(site, host, port, companions, new Sessions(Clock.systemUTC(), Sessions.IDLE));
  }

  /** Starts the page with the given session store (tests open sessions in it directly). */
  static ReviewServer start(
      ReviewSite site, String host, int port, List<AutoCloseable> companions, Sessions sessions) {
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.startup.startupWatcherEnabled = false;
              config.http.prefer405over404 = true;
              config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
              config.routes.before(new SecurityHeaders());
              config.routes.before(new Guard(sessions));
              config.routes.get("/static/review.css", new StyleSheet());
              config.routes.get("/favicon.ico", ctx -> ctx.status(204));
              config.routes.get("/login", new LoginPage());
              config.routes.post("/login", new LoginAction(site.review().reviewers(), sessions));
              config.routes.post("/logout", new LogoutAction(sessions));
              config.routes.get("/", new HomePage(site));
              config.routes.get("/promotions/{pipeline}/{version}", new PromotionPage(site));
              config.routes.post(
                  "/promotions/{pipeline}/{version}/approve", new DecisionAction(site, true));
              config.routes.post(
                  "/promotions/{pipeline}/{version}/reject", new DecisionAction(site, false));
              config.routes.get("/runs", new RunsPage(site));
              config.routes.get("/runs/{id}", new RunPage(site));
              config.routes.get("/runs/{id}/steps/{step}/log", new StepLogHandler(site));
              config.routes.get("/models", new ModelsIndex(site));
              config.routes.get("/models/{pipeline}", new ModelsPage(site));
              config.routes.post("/models/{pipeline}/rollback", new RollbackAction(site));
              ErrorPages.install(config);
            });
    app.start(host, port);
    for (var connector : app.jettyServer().server().getConnectors()) {
      if (connector instanceof AbstractConnector jetty) {
        jetty.setIdleTimeout(ACTION_TIMEOUT.toMillis());
      }
    }
    return new ReviewServer(app, host, new ArrayList<>(companions));
  }

  /** The port it listens on. */
  public int port() {
    return app.port();
  }

  /** The page's address. */
  public URI url() {
    String literal = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + literal + ":" + port() + "/");
  }

  /** Stops the server, then its companions in reverse order. */
  @Override
  public void close() {
    app.stop();
    for (int i = companions.size() - 1; i >= 0; i--) {
      try {
        companions.get(i).close();
      } catch (Exception e) {
        LOG.warn("review page: cannot stop {}", companions.get(i), e);
      }
    }
  }
}
