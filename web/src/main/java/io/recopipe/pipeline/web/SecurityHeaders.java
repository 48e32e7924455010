package io.recopipe.pipeline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Sets the browser protections on every response: only this server's own styles and images (no CDN,
 * no inline script), no MIME sniffing, no framing, no referrer and no caching of pages that show a
 * reviewer's data.
 */
final class SecurityHeaders implements Handler {
  /** The Content-Security-Policy: everything from this origin only; SVG is inline markup. */
  static final String POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; "
          + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  @Override
  public void handle(Context ctx) {
    ctx.header("Content-Security-Policy", POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
  }
}
