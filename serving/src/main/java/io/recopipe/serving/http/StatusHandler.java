package io.recopipe.serving.http;

import io.recopipe.serving.model.LoadedModel;
import io.recopipe.serving.model.ModelHolder;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/models/{name}}: TF Serving's model status, so that tools polling TF Serving for
 * AVAILABLE work against this server too.
 */
public final class StatusHandler implements Handler {
  private final ModelNames names;
  private final ModelHolder holder;

  /** Creates the handler. */
  public StatusHandler(ModelNames names, ModelHolder holder) {
    this.names = names;
    this.holder = holder;
  }

  @Override
  public void handle(Call ctx) {
    Responses.route(ctx, "status");
    String spec = ctx.pathParam("spec");
    if (spec.endsWith(PredictHandler.SUFFIX)) {
      names.check(spec.substring(0, spec.length() - PredictHandler.SUFFIX.length()));
      throw new ApiException(405, "GET is not allowed on :predict; use POST");
    }
    names.check(spec);
    LoadedModel model = holder.current();
    Map<String, Object> version =
        model == null
            ? Map.of(
                "version",
                "",
                "state",
                "LOADING",
                "status",
                Map.of("error_code", "OK", "error_message", ""))
            : Map.of(
                "version",
                model.version(),
                "state",
                "AVAILABLE",
                "status",
                Map.of("error_code", "OK", "error_message", ""));
    Responses.json(ctx, 200, Map.of("model_version_status", List.of(version)));
  }
}
