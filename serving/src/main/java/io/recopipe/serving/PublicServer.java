package io.recopipe.serving;

import io.recopipe.serving.http.Connectors;
import io.recopipe.serving.http.HealthHandler;
import io.recopipe.serving.http.HttpService;
import io.recopipe.serving.http.InFlight;
import io.recopipe.serving.http.MetadataHandler;
import io.recopipe.serving.http.MetricsHandler;
import io.recopipe.serving.http.ModelNames;
import io.recopipe.serving.http.PredictHandler;
import io.recopipe.serving.http.PredictRequestParser;
import io.recopipe.serving.http.ReadyHandler;
import io.recopipe.serving.http.RequestEnd;
import io.recopipe.serving.http.Router;
import io.recopipe.serving.http.StatusHandler;
import io.recopipe.serving.log.AccessLog;
import io.recopipe.serving.metrics.ServingMetrics;
import io.recopipe.serving.model.ModelHolder;

/**
 * The public HTTP server (TF Serving's REST contract plus health and metrics), wired from the
 * options, so that tests and {@link ServingMain} start exactly the same thing. Bound to a
 * non-loopback address it leaves {@code /metrics} and the run-identifying metadata to the loopback
 * admin port.
 */
public final class PublicServer {
  private PublicServer() {}

  /**
   * The event loops the public server runs: one per available core, at most {@code --threads} when
   * that is set (each loop reads, scores and answers its connections' requests).
   */
  static int eventLoops(ServingOptions options) {
    int cores = Runtime.getRuntime().availableProcessors();
    return options.threads() > 0 ? Math.min(options.threads(), cores) : cores;
  }

  /**
   * Starts the public server on the options' host and port; {@code answeredReady} runs after each
   * {@code /readyz} 200.
   */
  public static Connectors start(
      ServingOptions options,
      ModelHolder holder,
      ServingMetrics metrics,
      InFlight inFlight,
      AccessLog log,
      Runnable answeredReady)
      throws InterruptedException {
    ModelNames names = new ModelNames(options.modelName());
    PredictHandler predict =
        new PredictHandler(names, holder, new PredictRequestParser(options.maxInstances()));
    boolean loopback = options.loopbackOnly();
    Router router =
        new Router()
            .post("/v1/models/{spec}", predict)
            .get("/v1/models/{spec}", new StatusHandler(names, holder))
            .get("/v1/models/{spec}/metadata", new MetadataHandler(names, holder, loopback))
            .get("/healthz", new HealthHandler())
            .get("/readyz", new ReadyHandler(holder, inFlight::draining, answeredReady));
    if (loopback) {
      router.get("/metrics", new MetricsHandler(metrics));
    }
    HttpService service =
        new HttpService(
            router,
            predict,
            inFlight,
            new RequestEnd(log, metrics, options.accessLog()),
            options.maxBodyBytes(),
            options.workers());
    Connectors server = new Connectors("serving", eventLoops(options), service);
    try {
      server.listen(options.host(), options.port(), options.reusePort());
    } catch (Exception e) {
      server.stop();
      throw e;
    }
    return server;
  }
}
