package io.recopipe.pipeline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.recopipe.pipeline.registry.AliasChange;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.ModelVersion;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /models/{pipeline}}: the registry of one pipeline (every version, which is champion
 * and previous, every alias move with who and why) and the rollback form.
 */
final class ModelsPage implements Handler {
  private final ReviewSite site;

  ModelsPage(ReviewSite site) {
    this.site = site;
  }

  @Override
  public void handle(Context ctx) {
    String pipeline = site.pipeline(ctx.pathParam("pipeline")).name();
    ModelRegistry registry = site.runner().registry();
    Optional<ModelVersion> champion = registry.alias(pipeline, ModelRegistry.CHAMPION);
    Optional<ModelVersion> previous = registry.alias(pipeline, ModelRegistry.PREVIOUS);
    Html body = new Html().raw("<dl class=\"facts\">").element("dt", "Champion")
        .raw("<dd id=\"champion\">").text(champion.map(v -> "v" + v.version()).orElse("none"))
        .raw("</dd>").element("dt", "Previous").raw("<dd id=\"previous\">")
        .text(previous.map(v -> "v" + v.version()).orElse("none")).raw("</dd></dl>");
    versions(body, pipeline, registry.list(pipeline), champion, previous);
    history(body, registry.history(pipeline));
    if (previous.isPresent()) {
      body.element("h2", "Roll back");
      Page.form(body, ctx, "/models/" + Html.segment(pipeline) + "/rollback", "rollback")
          .raw("<p>Redeploys v").text(previous.get().version())
          .raw(" and makes it champion.</p><label for=\"reason\">Reason</label>")
          .raw("<textarea id=\"reason\" name=\"comment\" rows=\"2\" required></textarea>")
          .raw("<button type=\"submit\" class=\"reject\">Roll back to v")
          .text(previous.get().version()).raw("</button></form>");
    }
    Page.send(ctx, 200, "Models of " + pipeline, body.toString());
  }

  private static void versions(Html body, String pipeline, List<ModelVersion> versions,
      Optional<ModelVersion> champion, Optional<ModelVersion> previous) {
    body.element("h2", "Versions").raw("<table id=\"versions\">")
        .headerRow("Version", "Alias", "Status", "Run", "Content version", "Registered");
    for (ModelVersion v : versions) {
      String alias = champion.filter(c -> c.version() == v.version()).isPresent()
          ? ModelRegistry.CHAMPION
          : previous.filter(p -> p.version() == v.version()).isPresent()
              ? ModelRegistry.PREVIOUS : "";
      body.raw("<tr><td>").link("/promotions/" + Html.segment(pipeline) + "/" + v.version(),
          "v" + v.version()).raw("</td><td>").text(alias).raw("</td><td>")
          .element("span", "status " + v.status().name().toLowerCase(Locale.ROOT), v.status())
          .raw("</td><td>").link("/runs/" + Html.segment(v.runId()), v.runId())
          .raw("</td><td>").text(v.modelVersion())
          .raw("</td><td>").text(Formats.time(v.createdAt())).raw("</td></tr>");
    }
    body.raw("</table>");
  }

  private static void history(Html body, List<AliasChange> changes) {
    body.element("h2", "Alias history").raw("<table id=\"alias-history\">")
        .headerRow("When", "Alias", "From", "To", "By", "Why");
    for (AliasChange change : changes) {
      body.row(Formats.time(change.at()), change.alias(),
          change.fromVersion().map(v -> "v" + v).orElse("–"),
          change.toVersion().map(v -> "v" + v).orElse("–"), change.actor(), change.reason());
    }
    body.raw("</table>");
  }
}
