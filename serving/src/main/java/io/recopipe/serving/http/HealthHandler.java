package io.recopipe.serving.http;

/** {@code GET /healthz}: liveness, 200 while the process serves HTTP at all. */
public final class HealthHandler implements Handler {
  @Override
  public void handle(Call ctx) {
    Responses.route(ctx, "healthz");
    Responses.fields(ctx, 200, "status", "ok");
  }
}
