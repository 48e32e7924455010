package io.recopipe.pipeline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.recopipe.model.error.FailureKind;
import io.recopipe.model.error.RecopipeFailure;

/**
 * Runs before every route: finds the reviewer's session from its cookie, sends anonymous readers to
 * the login page and refuses every POST (but the login's own) without the session's CSRF token, so
 * no handler can forget either check.
 */
final class Guard implements Handler {
  /** Thrown to send an anonymous reader of a page to the login form. */
  static final class LoginRequired extends RuntimeException implements RecopipeFailure {
    private static final long serialVersionUID = 1L;

    LoginRequired() {
      super("log in first", null, false, false);
    }

    @Override
    public FailureKind failureKind() {
      return FailureKind.REFUSED;
    }
  }

  private final Sessions sessions;

  Guard(Sessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public void handle(Context ctx) {
    sessions.find(ctx.cookie(Requests.SESSION_COOKIE)).ifPresent(s -> Requests.attach(ctx, s));
    String path = ctx.path();
    if (path.equals("/login") || path.startsWith("/static/") || path.equals("/favicon.ico")) {
      return;
    }
    boolean post = ctx.method() == HandlerType.POST;
    if (Requests.session(ctx).isEmpty()) {
      if (post) {
        throw new WebException(401, "log in with your reviewer token first");
      }
      throw new LoginRequired();
    }
    if (post
        && !Tokens.matches(
            Requests.required(ctx).csrfToken(), ctx.formParam(Requests.CSRF_FIELD))) {
      throw new WebException(403, WebException.CSRF);
    }
  }
}
