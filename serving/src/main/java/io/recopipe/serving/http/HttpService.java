package io.recopipe.serving.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * What one HTTP server answers and how (routes, the direct {@code :predict} path, body limit,
 * scoring workers, in-flight count, metrics and access log), shared by its connections, so that the
 * public and the admin server behave alike and each connection holds only its own state.
 */
public final class HttpService {
  /** Connections idle this long are closed. */
  static final long IDLE_SECONDS = 60;

  final Router router;
  final PredictHandler predict;
  final String predictPath;
  final InFlight inFlight;
  final RequestEnd end;
  final int maxBodyBytes;
  final ScoringQueue scoring;
  final ChannelFutureListener ended;

  /**
   * A service answering {@code router}'s routes; {@code predict} (or null) is answered directly on
   * the event loop, its batches on {@code workers} scoring threads (0: on the event loop too).
   */
  public HttpService(
      Router router,
      PredictHandler predict,
      InFlight inFlight,
      RequestEnd end,
      int maxBodyBytes,
      int workers) {
    this.router = router;
    this.predict = predict;
    this.predictPath = predict == null ? null : predict.path();
    this.inFlight = inFlight;
    this.end = end;
    this.maxBodyBytes = maxBodyBytes;
    this.scoring = predict == null || workers == 0 ? null : new ScoringQueue(workers);
    this.ended = future -> inFlight.end();
  }

  /** Sets up a new connection's pipeline: HTTP/1.1 codec, idle timeout, this service. */
  public ChannelInitializer<Channel> initializer() {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel channel) {
        channel
            .pipeline()
            .addLast(
                new HttpServerCodec(8192, 16384, 65536),
                new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS),
                new HttpConnection(HttpService.this));
      }
    };
  }

  /** The in-flight count (draining says {@code Connection: close}). */
  public InFlight inFlight() {
    return inFlight;
  }

  /** Stops the scoring workers once their queued batches are done. */
  public void stop() {
    if (scoring != null) {
      scoring.stop();
    }
  }
}
