package io.recopipe.pipeline.web;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * What handlers read from a request (the session the guard found, form fields, path parameters) and
 * the one way cookies are set, so every cookie gets the same flags.
 */
final class Requests {
  /** The session cookie. */
  static final String SESSION_COOKIE = "recopipe_session";

  /** The pre-session cookie the login form's CSRF token is checked against. */
  static final String LOGIN_COOKIE = "recopipe_login";

  /** The hidden form field carrying the CSRF token. */
  static final String CSRF_FIELD = "csrf";

  private static final String SESSION = "recopipe.session";

  private Requests() {}

  static void attach(Context ctx, Session session) {
    ctx.attribute(SESSION, session);
  }

  /** The logged-in session, if any. */
  static Optional<Session> session(Context ctx) {
    return Optional.ofNullable(ctx.attribute(SESSION));
  }

  /** The logged-in session; refused with 401 when there is none. */
  static Session required(Context ctx) {
    return session(ctx)
        .orElseThrow(() -> new WebException(401, "log in with your reviewer token first"));
  }

  /** Form field {@code name}, trimmed; empty when absent. */
  static String form(Context ctx, String name) {
    String value = ctx.formParam(name);
    return value == null ? "" : value.trim();
  }

  /** Path parameter {@code name} as a version number; 404 when it is not one. */
  static int version(Context ctx) {
    String text = ctx.pathParam("version");
    try {
      return Integer.parseInt(text.startsWith("v") ? text.substring(1) : text);
    } catch (NumberFormatException e) {
      throw new WebException(404, "no model version " + text);
    }
  }

  /**
   * Sets cookie {@code name}: HttpOnly, SameSite=Strict, Path=/; not Secure because the server
   * speaks plain HTTP on the loopback interface. {@code maxAge} 0 deletes it, -1 keeps it for the
   * browser session.
   */
  static void cookie(Context ctx, String name, String value, int maxAge) {
    ctx.res()
        .addHeader(
            "Set-Cookie",
            name
                + "="
                + value
                + "; Path=/; HttpOnly; SameSite=Strict"
                + (maxAge >= 0 ? "; Max-Age=" + maxAge : ""));
  }
}
