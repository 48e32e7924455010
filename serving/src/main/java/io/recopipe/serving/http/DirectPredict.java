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
 * more per request than scoring a user does. Jetty's thread reads the request; the scoring and
 * the answer run on a fixed pool of scoring workers (one per core, set by the deploy) that takes
 * requests strictly in arrival order, because Jetty's own dispatch lets a connection whose next
 * request arrives as its answer leaves jump the queue, which starved other connections for
 * seconds under load. The answer, the errors, the metrics and the access log are those of the
 * Javalin route ({@link PredictHandler}), which still serves every other spelling of the path.
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
  private final int workers;
  private volatile ScoringQueue scoring;

  /**
   * Creates the handler answering {@code predict}'s path with {@code workers} scoring threads
   * (0: scored on Jetty's thread that read the request); Javalin goes in as its child.
   */
  public DirectPredict(PredictHandler predict, InFlight inFlight, RequestEnd end, int workers) {
    this.predict = predict;
    this.path = predict.path();
    this.inFlight = inFlight;
    this.end = end;
    this.workers = workers;
  }

  @Override
  protected void doStart() throws Exception {
    if (workers == 0) {
      super.doStart();
      return;
    }
    scoring = new ScoringQueue(workers);
    super.doStart();
  }

  @Override
  protected void doStop() throws Exception {
    super.doStop();
    if (scoring != null) {
      scoring.stop();
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!path.equals(request.getHttpURI().getPath()) || !HttpMethod.POST.is(request.getMethod())) {
      return super.handle(request, response, callback);
    }
    inFlight.begin();
    byte[] body;
    try {
      body = predict.bodies().read(request.getLength(), Request.asInputStream(request));
    } catch (ApiException e) {
      // the body was refused unread (413): say the connection closes rather than let Jetty
      // close it silently after the answer
      response.getHeaders().put(CLOSE);
      answer(request, response, callback, e.status(), Responses.errorBody(e.getMessage()));
      return true;
    } catch (RuntimeException e) {
      answer(request, response, callback, 500, unhandled(e));
      return true;
    }
    if (scoring == null) {
      score(request, response, callback, body);
      return true;
    }
    if (!scoring.submit(() -> score(request, response, callback, body))) {
      answer(request, response, callback, 503, Responses.errorBody("the server is stopping"));
    }
    return true;
  }

  private void score(Request request, Response response, Callback callback, byte[] body) {
    int status = 200;
    byte[] answer;
    try {
      answer = predict.answer(body);
    } catch (ApiException e) {
      status = e.status();
      answer = Responses.errorBody(e.getMessage());
    } catch (RuntimeException e) {
      status = 500;
      answer = unhandled(e);
    }
    answer(request, response, callback, status, answer);
  }

  /** Logs a failure no handler expected and returns the 500 answer's body. */
  private byte[] unhandled(RuntimeException e) {
    end.log().write("ERROR", "unhandled " + e.getClass().getName() + " on POST " + path
        + ": " + e.getMessage(), Map.of(), null);
    return Responses.errorBody("internal error");
  }

  private void answer(Request request, Response response, Callback callback, int status,
      byte[] body) {
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
