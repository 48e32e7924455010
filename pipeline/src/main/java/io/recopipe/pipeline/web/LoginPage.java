package io.recopipe.pipeline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * {@code GET /login}: the token form. There is no session yet, so the form's CSRF token is also
 * set as a short-lived pre-session cookie ({@link Requests#LOGIN_COOKIE}) that the post must match
 * (double submit), which stops another site from logging a browser in as someone else. A
 * present cookie is reused, so two open login tabs (or a favicon fetch) do not spoil each other.
 */
final class LoginPage implements Handler {
  /** How long the login form stays valid, in seconds. */
  static final int FORM_SECONDS = 1800;

  @Override
  public void handle(Context ctx) {
    render(ctx, 200, null);
  }

  /** Renders the form with a fresh login token and, when given, an error above it. */
  static void render(Context ctx, int status, String error) {
    String token = Tokens.wellFormed(ctx.cookie(Requests.LOGIN_COOKIE))
        ? ctx.cookie(Requests.LOGIN_COOKIE) : Tokens.random();
    Requests.cookie(ctx, Requests.LOGIN_COOKIE, token, FORM_SECONDS);
    Html body = new Html();
    if (error != null) {
      body.raw("<p class=\"error\" id=\"error\">").text(error).raw("</p>");
    }
    Requests.session(ctx).ifPresent(s -> body.raw("<p>Logged in as ")
        .text(s.reviewer().name()).raw(". Log in again to switch reviewer.</p>"));
    body.raw("<form method=\"post\" action=\"/login\" id=\"login\">")
        .hidden(Requests.CSRF_FIELD, token)
        .raw("<label for=\"token\">Reviewer token</label>")
        .raw("<input type=\"password\" id=\"token\" name=\"token\" autocomplete=\"off\" "
            + "required autofocus>")
        .raw("<button type=\"submit\">Log in</button></form>")
        .raw("<p class=\"hint\">An administrator creates your token with "
            + "<code>recopipe reviewers add NAME</code>; it is shown once.</p>");
    Page.send(ctx, status, "Log in", body.toString());
  }
}
