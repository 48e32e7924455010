package io.recopipe.serving.http;

import io.recopipe.serving.model.LoadedModel;
import io.recopipe.serving.model.ModelHolder;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /readyz}: 200 once a model is loaded and until a stop begins, 503 otherwise, so that a
 * deployer or load balancer sends traffic only to a server that can answer it.
 */
public final class ReadyHandler implements Handler {
  private final ModelHolder holder;
  private final BooleanSupplier stopping;
  private final Runnable answeredReady;

  /**
   * Creates the handler; {@code stopping} says whether a graceful stop has begun, {@code
   * answeredReady} runs after each 200.
   */
  public ReadyHandler(ModelHolder holder, BooleanSupplier stopping, Runnable answeredReady) {
    this.holder = holder;
    this.stopping = stopping;
    this.answeredReady = answeredReady;
  }

  @Override
  public void handle(Call ctx) {
    Responses.route(ctx, "readyz");
    LoadedModel model = holder.current();
    if (model == null) {
      Responses.error(ctx, 503, "the model is not loaded yet");
    } else if (stopping.getAsBoolean()) {
      Responses.error(ctx, 503, "the server is stopping");
    } else {
      Responses.fields(ctx, 200, "status", "ready", "model_version", model.version());
      answeredReady.run();
    }
  }
}
