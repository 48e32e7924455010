package io.recopipe.pipeline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.review.Reviewer;

/**
 * {@code POST /models/{pipeline}/rollback}: the logged-in reviewer redeploys {@code previous} with
 * a reason; the response waits for the deploy, then shows the registry again.
 */
final class RollbackAction implements Handler {
  private final ReviewSite site;

  RollbackAction(ReviewSite site) {
    this.site = site;
  }

  @Override
  public void handle(Context ctx) throws Exception {
    Reviewer reviewer = Requests.required(ctx).reviewer();
    String pipeline = site.pipeline(ctx.pathParam("pipeline")).name();
    String reason = DecisionAction.comment(ctx);
    try {
      site.exclusively(
          () -> site.promotions().rollback(pipeline, reviewer, reason, site.runOptions()));
    } catch (ReviewException e) {
      throw WebException.of(e);
    }
    ctx.redirect(Links.models(pipeline), HttpStatus.SEE_OTHER);
  }
}
