package io.recopipe.serving.http;

import java.util.Map;

/** {@code GET /healthz}: liveness, 200 while the process serves HTTP at all. */
public final class HealthHandler implements Handler {
  @Override
  public void handle(Call ctx) {
    Responses.route(ctx, "healthz");
    Responses.json(ctx, 200, Map.of("status", "ok"));
  }
}
