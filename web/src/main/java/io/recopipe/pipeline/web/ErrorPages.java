package io.recopipe.pipeline.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.PrintStream;

/**
 * Turns every failure into a small HTML page with one line (refusals with their status, the rest as
 * 500 with the message on the server's console), never a stack trace in the browser.
 */
final class ErrorPages {
  private ErrorPages() {}

  static void install(JavalinConfig config, PrintStream errors) {
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
          errors.println(
              "recopipe server: "
                  + ctx.method()
                  + " "
                  + ctx.path()
                  + " failed: "
                  + e.getClass().getName()
                  + ": "
                  + e.getMessage());
          if ("1".equals(System.getenv("RECOPIPE_DEBUG"))) {
            e.printStackTrace(errors);
          }
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
