package io.recopipe.pipeline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/** {@code GET /models}: the pipelines whose registries this server shows. */
final class ModelsIndex implements Handler {
  private final ReviewSite site;

  ModelsIndex(ReviewSite site) {
    this.site = site;
  }

  @Override
  public void handle(Context ctx) {
    Html body = new Html().raw("<ul>");
    for (String name : site.pipelineNames()) {
      body.raw("<li>").link("/models/" + Html.segment(name), name).raw("</li>");
    }
    Page.send(ctx, 200, "Models", body.raw("</ul>").toString());
  }
}
