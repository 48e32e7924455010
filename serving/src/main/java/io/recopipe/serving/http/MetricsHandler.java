package io.recopipe.serving.http;

import io.recopipe.serving.metrics.ServingMetrics;
import java.nio.charset.StandardCharsets;

/** {@code GET /metrics}: the Prometheus text exposition, for scraping. */
public final class MetricsHandler implements Handler {
  private final ServingMetrics metrics;

  /** Creates the handler. */
  public MetricsHandler(ServingMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void handle(Call ctx) {
    Responses.route(ctx, "metrics");
    Responses.text(
        ctx,
        200,
        "text/plain; version=0.0.4; charset=utf-8",
        metrics.scrape().getBytes(StandardCharsets.UTF_8));
  }
}
