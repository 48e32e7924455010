package io.recopipe.pipeline.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into a small HTML page with one line (refusals with their status, the rest as
 * 500 with the message in the server's log), never a stack trace in the browser.
 */
final class ErrorPages {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

  private ErrorPages() {}

  static void install(JavalinConfig config) {
    config.routes.exception(
        Guard.LoginRequired.class, (e, ctx) -> ctx.redirect("/login", HttpStatus.SEE_OTHER));
    config.routes.exception(
        WebException.class, (e, ctx) -> Page.error(ctx, e.status(), e.getMessage()));
    config.routes.exception(
        HttpResponseException.class,
        (e, ctx) ->
            Page.error(
                ctx,
                e.getStatus(),
                switch (e.getStatus()) {
                  case 404 -> "no page at " + ctx.path();
                  case 405 -> ctx.method() + " is not allowed on " + ctx.path();
                  default -> oneLine(e.getMessage());
                }));
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          // the log line names the exception; its stack trace follows under RECOPIPE_DEBUG=1
          LOG.error("review page: {} {} failed", ctx.method(), ctx.path(), e);
          Page.error(ctx, 500, "internal error: " + oneLine(e.getMessage()));
        });
    config.routes.error(404, ctx -> fallback(ctx, 404, "no page at " + ctx.path()));
    config.routes.error(
        405, ctx -> fallback(ctx, 405, ctx.method() + " is not allowed on " + ctx.path()));
  }

  private static void fallback(Context ctx, int status, String message) {
    if (ctx.attribute(Page.RENDERED) == null) {
      Page.error(ctx, status, message);
    }
  }

  private static String oneLine(String message) {
    return message == null ? "unexpected failure" : message.replace('\n', ' ');
  }
}
