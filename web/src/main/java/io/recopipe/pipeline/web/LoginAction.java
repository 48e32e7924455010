package io.recopipe.pipeline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.review.Reviewer;
import io.recopipe.pipeline.review.Reviewers;

/**
 * {@code POST /login}: checks the login form's CSRF token against its pre-session cookie, then the
 * reviewer token, and on success opens a new session (a fresh id, so a planted cookie is useless).
 */
final class LoginAction implements Handler {
  /** The message of a refused token, the same for unknown and disabled ones. */
  static final String UNKNOWN = "unknown or disabled reviewer token";

  private final Reviewers reviewers;
  private final Sessions sessions;

  LoginAction(Reviewers reviewers, Sessions sessions) {
    this.reviewers = reviewers;
    this.sessions = sessions;
  }

  @Override
  public void handle(Context ctx) {
    if (!Tokens.matches(ctx.cookie(Requests.LOGIN_COOKIE), ctx.formParam(Requests.CSRF_FIELD))) {
      LoginPage.render(ctx, 403, WebException.CSRF);
      return;
    }
    String token = Requests.form(ctx, "token");
    Reviewer reviewer;
    try {
      if (token.isEmpty()) {
        throw new ReviewException(ReviewException.Kind.UNAUTHENTICATED, UNKNOWN);
      }
      reviewer = reviewers.authenticate(token);
    } catch (ReviewException e) {
      int status = WebException.status(e.kind());
      LoginPage.render(ctx, status, status == 401 ? UNKNOWN : e.getMessage());
      return;
    }
    Requests.session(ctx).ifPresent(old -> sessions.close(old.id()));
    Session session = sessions.open(reviewer);
    Requests.cookie(ctx, Requests.SESSION_COOKIE, session.id(), -1);
    Requests.cookie(ctx, Requests.LOGIN_COOKIE, "", 0);
    ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
  }
}
