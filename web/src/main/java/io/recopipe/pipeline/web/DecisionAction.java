package io.recopipe.pipeline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.review.Reviewer;

/**
 * {@code POST /promotions/{pipeline}/{version}/approve} and {@code .../reject}: the logged-in
 * reviewer's decision with a comment. Approval resumes the waiting run of the home (on the gcp
 * profile a Vertex AI pipeline's version, which has none, is deployed to Cloud Run) before the
 * response (seconds), then redirects to the promotion page, which shows the outcome.
 */
final class DecisionAction implements Handler {
  /** The longest comment accepted. */
  static final int MAX_COMMENT = 2000;

  private final ReviewSite site;
  private final boolean approve;

  /** The approve action when {@code approve}, else the reject action. */
  DecisionAction(ReviewSite site, boolean approve) {
    this.site = site;
    this.approve = approve;
  }

  @Override
  public void handle(Context ctx) throws Exception {
    Reviewer reviewer = Requests.required(ctx).reviewer();
    String pipeline = site.pipeline(ctx.pathParam("pipeline")).name();
    int version = Requests.version(ctx);
    String comment = comment(ctx);
    try {
      site.exclusively(
          () -> {
            if (approve) {
              site.approve(pipeline, version, reviewer, comment);
            } else {
              site.reject(pipeline, version, reviewer, comment);
            }
            return null;
          });
    } catch (ReviewException e) {
      throw WebException.of(e);
    }
    ctx.redirect(Links.promotion(pipeline, version), HttpStatus.SEE_OTHER);
  }

  /** The form's comment; refused (400) when empty or too long. */
  static String comment(Context ctx) {
    String comment = Requests.form(ctx, "comment");
    if (comment.isEmpty()) {
      throw new WebException(400, "a comment is required; say why");
    }
    if (comment.length() > MAX_COMMENT) {
      throw new WebException(400, "the comment is longer than " + MAX_COMMENT + " characters");
    }
    return comment;
  }
}
