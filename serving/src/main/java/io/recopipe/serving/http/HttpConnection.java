package io.recopipe.serving.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.recopipe.serving.model.LoadedModel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP/1.1 connection: reads each request's head and body (refusing what no route takes, or a
 * body over the limit, as soon as the head says so), answers on the event loop in arrival order,
 * and keeps the connection open unless the client, a refusal or a graceful stop closes it. A {@code
 * :predict} batch may score on the service's workers; the connection then holds its next requests
 * until that answer is written, so pipelined answers never overtake each other. One file on
 * purpose: reading, held behind a batch and closing are states of one machine.
 */
final class HttpConnection extends ChannelInboundHandlerAdapter {
  /** A refused request's body up to this size is read and dropped, keeping the connection. */
  private static final long DRAIN_BYTES = 64 * 1024;

  private static final CharSequence JSON = Responses.JSON;
  private static final ChannelFutureListener LINGERING_CLOSE = HttpConnection::lingeringClose;
  private static final Logger LOG = LoggerFactory.getLogger(HttpConnection.class);
  private final HttpService service;
  private final ArrayDeque<Object> held = new ArrayDeque<>(0);
  private ChannelHandlerContext ctx;
  private String remoteIp;
  private byte[] body = new byte[256];
  private int bodySize;
  private Mode mode = Mode.IDLE;
  private boolean busy;
  private boolean closing;
  // the request being read or answered
  private HttpRequest request;
  private String method;
  private String rawPath;
  private String path;
  private String query;
  private long startNanos;
  private boolean keepAlive;
  private Router.Match match;

  /** What the bytes of the current request's body are for. */
  private enum Mode {
    IDLE,
    PREDICT,
    ROUTE,
    DISCARD
  }

  HttpConnection(HttpService service) {
    this.service = service;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext context) {
    this.ctx = context;
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object msg) {
    if (busy) {
      held.add(msg);
      return;
    }
    try {
      read(msg);
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext context) {
    context.flush();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext context, Object event) {
    if (event instanceof IdleStateEvent) {
      if (!busy) {
        context.close();
      }
    } else {
      context.fireUserEventTriggered(event);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    if (!(cause instanceof IOException)) {
      LOG.error("HTTP connection failed: " + cause, cause);
    }
    context.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) {
    for (Object msg : held) {
      ReferenceCountUtil.release(msg);
    }
    held.clear();
    context.fireChannelInactive();
  }

  private void read(Object msg) {
    if (closing) {
      return;
    }
    if (msg instanceof HttpRequest head) {
      begin(head);
    }
    if (msg instanceof HttpContent content && mode != Mode.IDLE) {
      if (content.decoderResult().isFailure()) {
        if (mode == Mode.DISCARD) { // already answered
          closing = true;
          ctx.close();
        } else {
          malformed(content.decoderResult());
        }
        return;
      }
      if (mode != Mode.DISCARD && !append(content.content())) {
        return;
      }
      if (content instanceof LastHttpContent) {
        Mode finished = mode;
        mode = Mode.IDLE;
        if (finished == Mode.PREDICT) {
          predict();
        } else if (finished == Mode.ROUTE) {
          route();
        }
      }
    }
  }

  /** A request's head: the direct path, a route, or a refusal before its body. */
  private void begin(HttpRequest head) {
    request = head;
    startNanos = System.nanoTime();
    service.inFlight.begin();
    method = head.method().name();
    String uri = head.uri();
    int mark = uri.indexOf('?');
    rawPath = mark < 0 ? uri : uri.substring(0, mark);
    query = mark < 0 ? null : uri.substring(mark + 1);
    keepAlive = HttpUtil.isKeepAlive(head);
    bodySize = 0;
    match = null;
    if (head.decoderResult().isFailure()) {
      mode = Mode.DISCARD;
      malformed(head.decoderResult());
      return;
    }
    if (head.method() == HttpMethod.POST && rawPath.equals(service.predictPath)) {
      mode = Mode.PREDICT;
    } else {
      try {
        path = new QueryStringDecoder(rawPath).path();
      } catch (IllegalArgumentException e) {
        mode = Mode.DISCARD;
        refuse("unmatched", 400, "malformed path: " + e.getMessage(), unreadBodyCloses());
        return;
      }
      match = service.router.match(method, path);
      if (match.handler() == null && match.guards().isEmpty()) {
        mode = Mode.DISCARD;
        refuse("unmatched", match.status(), match.refusal(), unreadBodyCloses());
        return;
      }
      mode = Mode.ROUTE;
    }
    long declared = HttpUtil.getContentLength(head, -1L);
    if (declared > service.maxBodyBytes) {
      tooLarge(mode == Mode.PREDICT ? "predict" : "unmatched");
      return;
    }
    if (HttpUtil.is100ContinueExpected(head)) {
      ctx.writeAndFlush(
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER));
    }
  }

  /** Whether a refused request's unread body makes the connection unusable (then: close). */
  private boolean unreadBodyCloses() {
    long length = HttpUtil.getContentLength(request, -1L);
    return length > DRAIN_BYTES || (length < 0 && HttpUtil.isTransferEncodingChunked(request));
  }

  /** Adds {@code chunk} to the body; false (and a 413) when it goes over the limit. */
  private boolean append(ByteBuf chunk) {
    int size = chunk.readableBytes();
    if (size == 0) {
      return true;
    }
    if ((long) bodySize + size > service.maxBodyBytes) {
      tooLarge(mode == Mode.PREDICT ? "predict" : "unmatched");
      return false;
    }
    if (bodySize + size > body.length) {
      body =
          Arrays.copyOf(
              body, Math.min(service.maxBodyBytes, Math.max(body.length * 2, bodySize + size)));
    }
    chunk.readBytes(body, bodySize, size);
    bodySize += size;
    return true;
  }

  private void tooLarge(String route) {
    mode = Mode.DISCARD;
    answer(
        route,
        413,
        JSON,
        Unpooled.wrappedBuffer(
            Responses.errorBody("request body is larger than " + service.maxBodyBytes + " bytes")),
        true);
    closing = true;
  }

  private void malformed(DecoderResult result) {
    Throwable cause = result.cause();
    int status =
        cause instanceof TooLongHttpHeaderException
            ? 431
            : cause instanceof TooLongHttpLineException ? 414 : 400;
    answer(
        "unmatched",
        status,
        JSON,
        Unpooled.wrappedBuffer(
            Responses.errorBody(
                "malformed HTTP request: " + (cause == null ? "unreadable" : cause.getMessage()))),
        true);
    closing = true;
  }

  private void refuse(String route, int status, String message, boolean close) {
    answer(route, status, JSON, Unpooled.wrappedBuffer(Responses.errorBody(message)), close);
  }

  /** The served model's {@code :predict}: parsed and (single users) scored right here. */
  private void predict() {
    PredictHandler predict = service.predict;
    List<PredictInstance> instances;
    LoadedModel model;
    try {
      model = predict.model();
      instances = predict.parse(body, bodySize);
    } catch (ApiException e) {
      refuse("predict", e.status(), e.getMessage(), false);
      return;
    } catch (RuntimeException e) {
      refuse("predict", 500, unhandled(e), false);
      return;
    } finally {
      shrinkBody();
    }
    if (service.scoring == null || instances.size() < 2) {
      answerPrediction(model, instances);
      return;
    }
    busy = true;
    ctx.channel().config().setAutoRead(false);
    if (!service.scoring.submit(
        () -> {
          ByteBuf out = null;
          RuntimeException failure = null;
          try {
            out = PredictionWriter.write(model, instances, ctx.alloc());
          } catch (RuntimeException e) {
            failure = e;
          }
          ByteBuf answer = out;
          RuntimeException error = failure;
          ctx.executor().execute(() -> scored(answer, error));
        })) {
      busy = false;
      ctx.channel().config().setAutoRead(true);
      refuse("predict", 503, "the server is stopping", true);
    }
  }

  private void answerPrediction(LoadedModel model, List<PredictInstance> instances) {
    ByteBuf out;
    try {
      out = PredictionWriter.write(model, instances, ctx.alloc());
    } catch (RuntimeException e) {
      refuse("predict", 500, unhandled(e), false);
      return;
    }
    answer("predict", 200, JSON, out, false);
  }

  /** A worker's answer, back on the event loop: write it, then go on with held requests. */
  private void scored(ByteBuf answer, RuntimeException failure) {
    busy = false;
    if (failure != null) {
      refuse("predict", 500, unhandled(failure), false);
    } else if (!ctx.channel().isActive()) {
      answer.release();
      service.inFlight.end();
      return;
    } else {
      answer("predict", 200, JSON, answer, false);
    }
    ctx.flush();
    while (!busy && !held.isEmpty()) {
      Object msg = held.poll();
      try {
        read(msg);
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }
    ctx.flush();
    if (!busy) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  /** Any other route: guards, then the handler, on the event loop. */
  private void route() {
    Call call =
        new Call(
            method,
            path,
            query,
            request.headers(),
            bodySize == 0 ? new byte[0] : Arrays.copyOf(body, bodySize),
            remoteIp(),
            ctx.alloc());
    shrinkBody();
    call.pathParams(match.params());
    try {
      for (Handler guard : match.guards()) {
        guard.handle(call);
      }
      if (match.handler() == null) {
        call.route("unmatched");
        throw new ApiException(match.status(), match.refusal());
      }
      match.handler().handle(call);
      if (!call.answered()) {
        throw new IllegalStateException("the route set no answer");
      }
    } catch (ApiException e) {
      call.answer(e.status(), JSON, Responses.errorBody(e.getMessage()));
    } catch (Exception e) {
      call.answer(500, JSON, Responses.errorBody(unhandled(e)));
    }
    answer(call.route(), call.status(), call.contentType(), call.takeAnswer(), call.closing());
  }

  /** A large body once read is not kept for the connection's next request. */
  private void shrinkBody() {
    if (body.length > DRAIN_BYTES) {
      body = new byte[256];
    }
    bodySize = 0;
  }

  /** Logs a failure no handler expected; returns the client's message. */
  private String unhandled(Exception e) {
    LOG.error(
        "unhandled "
            + e.getClass().getName()
            + " on "
            + method
            + " "
            + rawPath
            + ": "
            + e.getMessage(),
        e);
    return "internal error";
  }

  /**
   * Writes the answer to the current request (flushed at the end of the read, or at once from a
   * worker), counting and logging it first, so a client that has it finds it recorded.
   */
  private void answer(
      String route, int status, CharSequence contentType, ByteBuf content, boolean close) {
    boolean closeAfter = close || !keepAlive || service.inFlight.draining();
    DefaultFullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(status),
            content,
            Headers.RESPONSE,
            Headers.TRAILERS);
    Headers.set(response.headers(), contentType, content.readableBytes());
    if (closeAfter) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (request.protocolVersion() == HttpVersion.HTTP_1_0) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    service.end.ended(
        route,
        status,
        System.nanoTime() - startNanos,
        method,
        rawPath,
        query,
        content.readableBytes(),
        remoteIp(),
        request.headers().get(HttpHeaderNames.USER_AGENT));
    ChannelFuture written = ctx.write(response);
    written.addListener(service.ended);
    if (closeAfter) {
      closing = true;
      written.addListener(close ? LINGERING_CLOSE : ChannelFutureListener.CLOSE);
      ctx.flush();
    }
  }

  /**
   * Closes after a refusal whose body the client may still be sending: output first, then the
   * socket once the client closes or a second passed, so the client reads the answer rather than a
   * reset.
   */
  private static void lingeringClose(ChannelFuture written) {
    if (written.channel() instanceof DuplexChannel duplex && duplex.isActive()) {
      duplex
          .shutdownOutput()
          .addListener(
              done -> duplex.eventLoop().schedule(() -> duplex.close(), 1, TimeUnit.SECONDS));
    } else {
      written.channel().close();
    }
  }

  private String remoteIp() {
    if (remoteIp == null) {
      remoteIp =
          ctx.channel().remoteAddress() instanceof InetSocketAddress address
              ? address.getAddress().getHostAddress()
              : "unknown";
    }
    return remoteIp;
  }
}
