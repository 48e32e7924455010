package io.recopipe.serving;

import io.javalin.Javalin;
import io.recopipe.serving.http.BodyReader;
import io.recopipe.serving.http.DirectPredict;
import io.recopipe.serving.http.HealthHandler;
import io.recopipe.serving.http.HttpApp;
import io.recopipe.serving.http.InFlight;
import io.recopipe.serving.http.MetadataHandler;
import io.recopipe.serving.http.MetricsHandler;
import io.recopipe.serving.http.ModelNames;
import io.recopipe.serving.http.PredictHandler;
import io.recopipe.serving.http.PredictRequestParser;
import io.recopipe.serving.http.ReadyHandler;
import io.recopipe.serving.http.RequestEnd;
import io.recopipe.serving.http.StatusHandler;
import io.recopipe.serving.log.JsonLog;
import io.recopipe.serving.metrics.ServingMetrics;
import io.recopipe.serving.model.ModelHolder;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The public HTTP server (TF Serving's REST contract plus health and metrics), wired from the
 * options, so that tests and {@link ServingMain} start exactly the same thing. Bound to a
 * non-loopback address it leaves {@code /metrics} and the run-identifying metadata to the
 * loopback admin port.
 */
public final class PublicServer {
  private PublicServer() {
  }

  /** Creates (not starts) the public server. */
  public static Javalin create(ServingOptions options, ModelHolder holder,
      ServingMetrics metrics, InFlight inFlight, JsonLog log) {
    ModelNames names = new ModelNames(options.modelName());
    BodyReader bodies = new BodyReader(options.maxBodyBytes());
    PredictRequestParser parser = new PredictRequestParser(options.maxInstances());
    PredictHandler predict = new PredictHandler(names, holder, bodies, parser);
    RequestEnd end = new RequestEnd(log, metrics, options.accessLog());
    return HttpApp.create(log, metrics, inFlight, options.accessLog(), config -> {
      if (options.threads() > 0) {
        // Jetty's threads read requests and write answers (scoring runs on DirectPredict's
        // workers); no reserved (spinning) threads, which would compete with the workers
        QueuedThreadPool pool = new QueuedThreadPool(options.threads(),
            Math.min(options.threads(), 4));
        pool.setName("serving");
        pool.setReservedThreads(Integer.getInteger("recopipe.reservedThreads", 0));
        config.jetty.threadPool = pool;
      }
      config.jetty.addConnector((server, http) -> Connectors.create(server, http,
          options.host(), options.port(), options.reusePort()));
      // the hot route skips Javalin; Javalin is attached inside it and serves the rest
      config.jetty.modifyServer(server -> server.setHandler(new DirectPredict(predict, inFlight,
          end, options.workers())));
      config.routes.post("/v1/models/{spec}", predict);
      config.routes.get("/v1/models/{spec}", new StatusHandler(names, holder));
      boolean loopback = options.loopbackOnly();
      config.routes.get("/v1/models/{spec}/metadata", new MetadataHandler(names, holder,
          loopback));
      config.routes.get("/healthz", new HealthHandler());
      config.routes.get("/readyz", new ReadyHandler(holder, inFlight::draining));
      if (loopback) {
        config.routes.get("/metrics", new MetricsHandler(metrics));
      }
    });
  }
}
