package io.recopipe.bench.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Jetty 12 with a core handler, configured as the serving module configures it. */
final class JettyStack {
  private static final HttpField JSON =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");

  private JettyStack() {
  }

  static void start(int port, int workers, byte[] body) throws Exception {
    int selectors = Integer.getInteger("selectors", 1);
    QueuedThreadPool pool = new QueuedThreadPool(workers + 1 + selectors,
        workers + 1 + selectors);
    pool.setReservedThreads(Integer.getInteger("reserved", 0));
    Server server = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, 1, selectors,
        new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    connector.setAcceptQueueSize(1024);
    server.addConnector(connector);
    boolean nonBlocking = Boolean.getBoolean("nonBlocking");
    int offloadThreads = Integer.getInteger("offload", 0);
    java.util.concurrent.ExecutorService offload = offloadThreads == 0 ? null
        : java.util.concurrent.Executors.newFixedThreadPool(offloadThreads);
    server.setHandler(new Handler.Abstract(nonBlocking ? InvocationType.NON_BLOCKING
        : InvocationType.BLOCKING) {
      @Override
      public boolean handle(Request request, Response response, Callback callback)
          throws Exception {
        Content.Source.consumeAll(request);
        if (offload != null) {
          offload.execute(() -> {
            StackServer.work();
            respond(response, body, callback);
          });
          return true;
        }
        StackServer.work();
        respond(response, body, callback);
        return true;
      }
    });
    server.start();
  }

  private static void respond(Response response, byte[] body, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put(JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
  }
}
