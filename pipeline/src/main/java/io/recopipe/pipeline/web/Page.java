package io.recopipe.pipeline.web;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * The layout every page shares (title, navigation, who is logged in, the logout form), so pages
 * only render their own content and all link the same local style sheet.
 */
final class Page {
  /** Set once a page body is written, so Javalin's own 404/405 handlers do not overwrite it. */
  static final String RENDERED = "recopipe.rendered";

  private Page() {
  }

  /** Sends {@code body} (already escaped HTML) inside the layout with {@code status}. */
  static void send(Context ctx, int status, String title, String body) {
    Optional<Session> session = Requests.session(ctx);
    Html page = new Html().raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<link rel=\"stylesheet\" href=\"/static/review.css\"><title>")
        .text(title).raw(" · recopipe review</title></head><body><header><nav>")
        .raw("<a class=\"brand\" href=\"/\">recopipe review</a>");
    if (session.isPresent()) {
      page.link("/", "Pending").link("/runs", "Runs").link("/models", "Models")
          .raw("<span class=\"who\">").text(session.get().reviewer().name()).raw("</span>")
          .raw("<form class=\"inline\" method=\"post\" action=\"/logout\">")
          .hidden(Requests.CSRF_FIELD, session.get().csrfToken())
          .raw("<button type=\"submit\" id=\"logout\">Log out</button></form>");
    }
    page.raw("</nav></header><main>").element("h1", title).raw(body)
        .raw("</main></body></html>");
    ctx.attribute(RENDERED, true);
    ctx.status(status).contentType("text/html; charset=utf-8").result(page.toString());
  }

  /** Sends a page with status {@code status} saying {@code message} in one line. */
  static void error(Context ctx, int status, String message) {
    String title = switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Not logged in";
      case 403 -> "Refused";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 409 -> "Conflict";
      default -> "Error";
    };
    Html body = new Html().raw("<p class=\"error\" id=\"error\">").text(message).raw("</p>");
    if (status == 401) {
      body.raw("<p>").link("/login", "Log in").raw("</p>");
    } else {
      body.raw("<p>").link("/", "Back to pending promotions").raw("</p>");
    }
    send(ctx, status, title, body.toString());
  }

  /** A form posting to {@code action} with this session's CSRF token, opened but not closed. */
  static Html form(Html html, Context ctx, String action, String id) {
    return html.raw("<form method=\"post\" action=\"").text(action).raw("\" id=\"").text(id)
        .raw("\">").hidden(Requests.CSRF_FIELD, Requests.required(ctx).csrfToken());
  }
}
