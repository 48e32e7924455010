package io.recopipe.pipeline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /static/review.css}: the page's only style sheet, served from the jar so the page
 * needs no CDN and works offline.
 */
final class StyleSheet implements Handler {
  private final byte[] css;

  StyleSheet() {
    try (InputStream in = StyleSheet.class.getResourceAsStream("review.css")) {
      if (in == null) {
        throw new IllegalStateException("review.css is missing from the classpath");
      }
      css = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read review.css", e);
    }
  }

  @Override
  public void handle(Context ctx) {
    ctx.attribute(Page.RENDERED, true);
    ctx.header("Cache-Control", "max-age=300");
    ctx.status(200).contentType("text/css; charset=utf-8").result(css);
  }
}
