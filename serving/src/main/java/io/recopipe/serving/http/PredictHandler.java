package io.recopipe.serving.http;

import io.recopipe.serving.model.LoadedModel;
import io.recopipe.serving.model.ModelHolder;
import java.util.List;

/**
 * {@code POST /v1/models/{name}:predict}: top-K items per user (or scores of listed items) from the
 * model snapshot taken when the request arrives, so that a concurrent swap cannot mix models within
 * one response. The connection answers the served name's exact path directly ({@link #model},
 * {@link #parse}); this route answers every other spelling of it.
 */
public final class PredictHandler implements Handler {
  /** The suffix TF Serving puts after the model name. */
  public static final String SUFFIX = ":predict";

  private final ModelNames names;
  private final ModelHolder holder;
  private final PredictRequestParser parser;

  /** Creates the handler. */
  public PredictHandler(ModelNames names, ModelHolder holder, PredictRequestParser parser) {
    this.names = names;
    this.holder = holder;
    this.parser = parser;
  }

  @Override
  public void handle(Call call) {
    call.route("predict");
    String spec = call.pathParam("spec");
    if (!spec.endsWith(SUFFIX)) {
      names.check(spec);
      throw new ApiException(
          405,
          "POST is not allowed on /v1/models/" + spec + "; use POST /v1/models/" + spec + SUFFIX);
    }
    names.check(spec.substring(0, spec.length() - SUFFIX.length()));
    LoadedModel model = model();
    List<PredictInstance> instances = parse(call.body(), call.body().length);
    call.answer(200, Responses.JSON, PredictionWriter.write(model, instances, call.alloc()));
  }

  /** The model snapshot a request is answered from; 503 while none is loaded. */
  public LoadedModel model() {
    LoadedModel model = holder.current();
    if (model == null) {
      throw new ApiException(503, "the model is not loaded yet");
    }
    return model;
  }

  /** The instances of a request body's first {@code length} bytes (400 when malformed). */
  public List<PredictInstance> parse(byte[] body, int length) {
    return parser.parse(body, length);
  }

  /** The path of the served model's {@code :predict}. */
  public String path() {
    return "/v1/models/" + names.name() + SUFFIX;
  }
}
