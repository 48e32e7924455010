package io.recopipe.pipeline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;

/**
 * {@code POST /logout}: ends the session on the server (not only in the browser), so a copied
 * cookie stops working too. A POST with the CSRF token, so another site cannot log you out.
 */
final class LogoutAction implements Handler {
  private final Sessions sessions;

  LogoutAction(Sessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public void handle(Context ctx) {
    sessions.close(Requests.required(ctx).id());
    Requests.cookie(ctx, Requests.SESSION_COOKIE, "", 0);
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }
}
