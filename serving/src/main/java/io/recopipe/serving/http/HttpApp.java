package io.recopipe.serving.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.recopipe.serving.log.JsonLog;
import io.recopipe.serving.metrics.ServingMetrics;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The configuration every Javalin instance of the server shares: JSON errors for every failure
 * (never a stack trace), 404/405 for unknown routes and methods, access logging, metrics and
 * in-flight counting, so that the public and admin servers behave alike.
 */
public final class HttpApp {
  private static final long UNMATCHED_BODY_DRAIN_BYTES = 64 * 1024;
  private static final String STARTED = "recopipe.started";

  private HttpApp() {
  }

  /**
   * Creates a Javalin instance with the shared behaviour; {@code routes} adds the endpoints and
   * connectors.
   */
  public static Javalin create(JsonLog log, ServingMetrics metrics, InFlight inFlight,
      boolean accessLog, Consumer<JavalinConfig> routes) {
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.startup.startupWatcherEnabled = false;
      config.http.prefer405over404 = true;
      config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
      config.routes.before(ctx -> {
        ctx.attribute(STARTED, System.nanoTime());
        inFlight.begin();
        if (inFlight.draining()) {
          ctx.header("Connection", "close");
        }
      });
      config.routes.exception(ApiException.class, (e, ctx) -> {
        keepAliveAfterUnreadBody(ctx); // e.g. a route that refuses before reading the body
        Responses.error(ctx, e.status(), e.getMessage());
      });
      config.routes.exception(HttpResponseException.class, (e, ctx) -> {
        keepAliveAfterUnreadBody(ctx);
        Responses.error(ctx, e.getStatus(), e.getMessage());
      });
      config.routes.exception(Exception.class, (e, ctx) -> {
        log.write("ERROR", "unhandled " + e.getClass().getName() + " on " + ctx.method() + " "
            + ctx.path() + ": " + e.getMessage(), Map.of(), null);
        Responses.error(ctx, 500, "internal error");
      });
      config.routes.error(404, ctx -> fallback(ctx, 404, "no route " + ctx.method() + " "
          + ctx.path()));
      config.routes.error(405, ctx -> fallback(ctx, 405, "method " + ctx.method()
          + " is not allowed on " + ctx.path()));
      RequestEnd end = new RequestEnd(log, metrics, accessLog);
      config.requestLogger.http((ctx, millis) -> finished(ctx, end, inFlight));
      routes.accept(config);
    });
  }

  /** Writes Javalin's own 404/405 as JSON, unless a handler already wrote a body. */
  private static void fallback(Context ctx, int status, String message) {
    if (ctx.attribute(Responses.SIZE) == null) {
      keepAliveAfterUnreadBody(ctx);
      Responses.route(ctx, "unmatched");
      Responses.error(ctx, status, message);
    }
  }

  /**
   * Reads a small body no route wanted or a route refused unread (a body already read leaves
   * nothing to read), so the client's keep-alive connection stays usable: Jetty
   * would otherwise close it after the answer without saying so, and a client that reuses it for
   * its next POST gets no answer at all. A large or unsized body is left unread, and the answer
   * says {@code Connection: close}.
   */
  private static void keepAliveAfterUnreadBody(Context ctx) {
    long length = ctx.contentLength();
    if (length > 0 && length <= UNMATCHED_BODY_DRAIN_BYTES) {
      ctx.bodyAsBytes();
    } else if (length > 0 || ctx.header("Transfer-Encoding") != null) {
      ctx.header("Connection", "close");
    }
  }

  private static void finished(Context ctx, RequestEnd end, InFlight inFlight) {
    Long started = ctx.attribute(STARTED);
    if (started != null) {
      inFlight.end();
    }
    long nanos = started == null ? 0 : System.nanoTime() - started;
    String route = ctx.attribute(Responses.ROUTE);
    Long size = ctx.attribute(Responses.SIZE);
    end.ended(route == null ? "unmatched" : route, ctx.statusCode(), nanos, ctx.method().name(),
        ctx.path(), ctx.queryString(), size == null ? 0 : size, ctx.ip(), ctx.userAgent());
  }
}
