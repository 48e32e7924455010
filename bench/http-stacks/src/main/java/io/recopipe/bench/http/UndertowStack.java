package io.recopipe.bench.http;

import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;

/** Undertow's core API; with -Ddispatch=true the handler runs on the worker pool. */
final class UndertowStack {
  private UndertowStack() {
  }

  static void start(int port, int workers, byte[] body) {
    boolean dispatch = Boolean.getBoolean("dispatch");
    Undertow server = Undertow.builder()
        .addHttpListener(port, "127.0.0.1")
        .setIoThreads(Integer.getInteger("io", 2))
        .setWorkerThreads(workers)
        .setHandler(exchange -> {
          if (dispatch && exchange.isInIoThread()) {
            exchange.dispatch(ex -> ex.getRequestReceiver().receiveFullBytes((e, bytes) -> {
              e.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
              e.getResponseSender().send(ByteBuffer.wrap(body));
            }));
            return;
          }
          exchange.getRequestReceiver().receiveFullBytes((e, bytes) -> {
            e.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            e.getResponseSender().send(ByteBuffer.wrap(body));
          });
        })
        .build();
    server.start();
  }
}
