package io.recopipe.pipeline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;

/** {@code GET /models}: the pipelines whose registries this server shows. */
final class ModelsIndex implements Handler {
  private final ReviewSite site;

  /** What {@code modelsIndex.jte} shows. */
  record View(Frame frame, List<String> pipelines) {}

  ModelsIndex(ReviewSite site) {
    this.site = site;
  }

  @Override
  public void handle(Context ctx) {
    Page.send(
        ctx, 200, "modelsIndex.jte", new View(Page.frame(ctx, "Models"), site.pipelineNames()));
  }
}
