package io.recopipe.pipeline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.recopipe.pipeline.registry.AliasChange;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegisteredVersion;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /models/{pipeline}}: the registry of one pipeline (every version, which is champion
 * and previous, every alias move with who and why) and the rollback form.
 */
final class ModelsPage implements Handler {
  private final ReviewSite site;

  /** What {@code models.jte} shows; champion and previous are version numbers. */
  record View(
      Frame frame,
      String pipeline,
      Optional<Integer> champion,
      Optional<Integer> previous,
      List<Row> versions,
      List<AliasChange> history) {}

  /** One registered version and the alias that points at it ({@code ""} when none). */
  record Row(RegisteredVersion version, String alias) {}

  ModelsPage(ReviewSite site) {
    this.site = site;
  }

  @Override
  public void handle(Context ctx) {
    String pipeline = site.pipeline(ctx.pathParam("pipeline")).name();
    ModelRegistry registry = site.registry();
    Optional<Integer> champion =
        registry.alias(pipeline, ModelRegistry.CHAMPION).map(RegisteredVersion::version);
    Optional<Integer> previous =
        registry.alias(pipeline, ModelRegistry.PREVIOUS).map(RegisteredVersion::version);
    List<Row> versions =
        registry.list(pipeline).stream()
            .map(
                v ->
                    new Row(
                        v,
                        champion.filter(c -> c == v.version()).isPresent()
                            ? ModelRegistry.CHAMPION
                            : previous.filter(p -> p == v.version()).isPresent()
                                ? ModelRegistry.PREVIOUS
                                : ""))
            .toList();
    Page.send(
        ctx,
        200,
        "models.jte",
        new View(
            Page.frame(ctx, "Models of " + pipeline),
            pipeline,
            champion,
            previous,
            versions,
            registry.history(pipeline)));
  }
}
