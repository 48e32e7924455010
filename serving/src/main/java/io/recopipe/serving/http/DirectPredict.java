package io.recopipe.serving.http;

import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers {@code POST /v1/models/<served name>:predict} on Jetty's own handler API, in front of
 * Javalin, and passes every other request through to it, because Javalin's servlet layer costs
 * more per request than scoring a user does. The answer, the errors, the metrics and the access
 * log are those of the Javalin route ({@link PredictHandler}), which still serves every other
 * spelling of the path.
 */
public final class DirectPredict extends Handler.Wrapper {
  private static final HttpField JSON =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");
  private static final HttpField CLOSE =
      new PreEncodedHttpField(HttpHeader.CONNECTION, "close");
  private final PredictHandler predict;
  private final String path;
  private final InFlight inFlight;
  private final RequestEnd end;

  /** Creates the handler answering {@code predict}'s path; Javalin goes in as its child. */
  public DirectPredict(PredictHandler predict, InFlight inFlight, RequestEnd end) {
    this.predict = predict;
    this.path = predict.path();
    this.inFlight = inFlight;
    this.end = end;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!path.equals(request.getHttpURI().getPath()) || !HttpMethod.POST.is(request.getMethod())) {
      return super.handle(request, response, callback);
    }
    inFlight.begin();
    int status = 200;
    byte[] body;
    try {
      body = predict.answer(predict.bodies().read(request.getLength(),
          Request.asInputStream(request)));
    } catch (ApiException e) {
      status = e.status();
      body = Responses.errorBody(e.getMessage());
    } catch (RuntimeException e) {
      end.log().write("ERROR", "unhandled " + e.getClass().getName() + " on POST " + path
          + ": " + e.getMessage(), Map.of(), null);
      status = 500;
      body = Responses.errorBody("internal error");
    }
    response.setStatus(status);
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(JSON);
    headers.put(HttpHeader.CONTENT_LENGTH, body.length);
    if (inFlight.draining()) {
      headers.put(CLOSE);
    }
    // recorded before the write, so a client that has the answer finds it counted and logged;
    // timed from when Jetty began reading the request
    end.ended("predict", status, System.nanoTime() - request.getBeginNanoTime(), "POST", path,
        request.getHttpURI().getQuery(), body.length, Request.getRemoteAddr(request),
        request.getHeaders().get(HttpHeader.USER_AGENT));
    response.write(true, ByteBuffer.wrap(body), new Sent(callback));
    return true;
  }

  /** Ends the request's in-flight count once its response is out (or failed), then completes it. */
  private final class Sent implements Callback {
    private final Callback callback;

    Sent(Callback callback) {
      this.callback = callback;
    }

    @Override
    public void succeeded() {
      inFlight.end();
      callback.succeeded();
    }

    @Override
    public void failed(Throwable failure) {
      inFlight.end();
      callback.failed(failure);
    }

    @Override
    public InvocationType getInvocationType() {
      return callback.getInvocationType(); // as cheap to complete as Jetty's own callback
    }
  }
}
