package io.recopipe.pipeline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * {@code GET /login}: the token form. There is no session yet, so the form's CSRF token is also set
 * as a short-lived pre-session cookie ({@link Requests#LOGIN_COOKIE}) that the post must match
 * (double submit), which stops another site from logging a browser in as someone else. A present
 * cookie is reused, so two open login tabs (or a favicon fetch) do not spoil each other.
 */
final class LoginPage implements Handler {
  /** How long the login form stays valid, in seconds. */
  static final int FORM_SECONDS = 1800;

  /** What {@code login.jte} shows: the form's token and, when given, an error above it. */
  record View(Frame frame, String error, String token) {}

  @Override
  public void handle(Context ctx) {
    render(ctx, 200, null);
  }

  /** Renders the form with a fresh login token and, when given, an error above it. */
  static void render(Context ctx, int status, String error) {
    String token =
        Tokens.wellFormed(ctx.cookie(Requests.LOGIN_COOKIE))
            ? ctx.cookie(Requests.LOGIN_COOKIE)
            : Tokens.random();
    Requests.cookie(ctx, Requests.LOGIN_COOKIE, token, FORM_SECONDS);
    Page.send(ctx, status, "login.jte", new View(Page.frame(ctx, "Log in"), error, token));
  }
}
