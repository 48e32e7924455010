package io.recopipe.pipeline.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Renders the review pages from their jte templates (precompiled at build time, so the CLI jar
 * needs no compiler) and sends them; every page shares {@code layout.jte}.
 */
final class Page {
  /** Set once a page body is written, so Javalin's own 404/405 handlers do not overwrite it. */
  static final String RENDERED = "recopipe.rendered";

  private static final TemplateEngine TEMPLATES =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, Page.class.getClassLoader(), Page.class.getPackageName());

  private Page() {}

  /** The layout's part of a page titled {@code title} for this request's reviewer. */
  static Frame frame(Context ctx, String title) {
    return new Frame(title, Requests.session(ctx).orElse(null));
  }

  /** Renders {@code template} with its one parameter {@code model}. */
  static String render(String template, Object model) {
    XmlTextOutput out = new XmlTextOutput();
    TEMPLATES.render(template, model, out);
    return out.toString();
  }

  /** Renders {@code template} with its parameters by name. */
  static String render(String template, Map<String, Object> params) {
    XmlTextOutput out = new XmlTextOutput();
    TEMPLATES.render(template, params, out);
    return out.toString();
  }

  /** Sends {@code template} rendered with {@code model} with {@code status}. */
  static void send(Context ctx, int status, String template, Object model) {
    String html = render(template, model);
    ctx.attribute(RENDERED, true);
    ctx.status(status).contentType("text/html; charset=utf-8").result(html);
  }

  /** What {@code error.jte} shows: the one-line message and where to go next. */
  record ErrorView(Frame frame, String message, boolean loginRequired) {}

  /** Sends a page with status {@code status} saying {@code message} in one line. */
  static void error(Context ctx, int status, String message) {
    String title =
        switch (status) {
          case 400 -> "Bad request";
          case 401 -> "Not logged in";
          case 403 -> "Refused";
          case 404 -> "Not found";
          case 405 -> "Method not allowed";
          case 409 -> "Conflict";
          default -> "Error";
        };
    send(ctx, status, "error.jte", new ErrorView(frame(ctx, title), message, status == 401));
  }
}
