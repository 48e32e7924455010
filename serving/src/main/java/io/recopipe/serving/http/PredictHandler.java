package io.recopipe.serving.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.recopipe.serving.model.LoadedModel;
import io.recopipe.serving.model.ModelHolder;
import java.util.List;

/**
 * {@code POST /v1/models/{name}:predict}: top-K items per user (or scores of listed items) from
 * the model snapshot taken when the request arrives, so that a concurrent swap cannot mix models
 * within one response.
 */
public final class PredictHandler implements Handler {
  /** The suffix TF Serving puts after the model name. */
  public static final String SUFFIX = ":predict";
  private final ModelNames names;
  private final ModelHolder holder;
  private final BodyReader bodies;
  private final PredictRequestParser parser;

  /** Creates the handler. */
  public PredictHandler(ModelNames names, ModelHolder holder, BodyReader bodies,
      PredictRequestParser parser) {
    this.names = names;
    this.holder = holder;
    this.bodies = bodies;
    this.parser = parser;
  }

  @Override
  public void handle(Context ctx) {
    Responses.route(ctx, "predict");
    String spec = ctx.pathParam("spec");
    if (!spec.endsWith(SUFFIX)) {
      names.check(spec);
      throw new ApiException(405, "POST is not allowed on /v1/models/" + spec
          + "; use POST /v1/models/" + spec + SUFFIX);
    }
    names.check(spec.substring(0, spec.length() - SUFFIX.length()));
    if (holder.current() == null) {
      throw new ApiException(503, "the model is not loaded yet");
    }
    Responses.json(ctx, 200, answer(bodies.read(ctx)));
  }

  /** The response body for a request {@code body} to the served model's {@code :predict}. */
  public byte[] answer(byte[] body) {
    LoadedModel model = holder.current();
    if (model == null) {
      throw new ApiException(503, "the model is not loaded yet");
    }
    List<PredictInstance> instances = parser.parse(body);
    return PredictionWriter.write(model, instances);
  }

  /** The reader of request bodies (with the server's size limit). */
  public BodyReader bodies() {
    return bodies;
  }

  /** The path of the served model's {@code :predict}. */
  public String path() {
    return "/v1/models/" + names.name() + SUFFIX;
  }
}
