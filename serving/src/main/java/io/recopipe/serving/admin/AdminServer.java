package io.recopipe.serving.admin;

import io.recopipe.serving.http.ApiException;
import io.recopipe.serving.http.Connectors;
import io.recopipe.serving.http.HttpService;
import io.recopipe.serving.http.InFlight;
import io.recopipe.serving.http.MetadataHandler;
import io.recopipe.serving.http.MetricsHandler;
import io.recopipe.serving.http.RequestEnd;
import io.recopipe.serving.http.Responses;
import io.recopipe.serving.http.Router;
import io.recopipe.serving.log.AccessLog;
import io.recopipe.serving.metrics.ServingMetrics;
import io.recopipe.serving.model.ModelHolder;

/**
 * The admin API on its own event loop, always bound to 127.0.0.1 and behind the revision's bearer
 * secret, so that swapping models or stopping the server is impossible from outside the machine and
 * from other local processes (and a slow swap never holds up predictions); it also serves {@code
 * /metrics} and the full metadata ({@code /admin/metadata}) for when the public listener is not
 * loopback.
 */
public final class AdminServer {
  /** The only address the admin API binds to. */
  public static final String LOOPBACK = "127.0.0.1";

  private AdminServer() {}

  /** Starts the admin server on {@code port} (0 = ephemeral). */
  public static Connectors start(
      int port,
      ModelHolder holder,
      ServingControl control,
      ServingMetrics metrics,
      AccessLog log,
      AdminAuth auth,
      AdminJournal journal)
      throws InterruptedException {
    Router router =
        new Router()
            .before("/admin/", auth)
            .post("/admin/swap", new SwapHandler(holder, journal))
            .post("/admin/listen", new ListenHandler(control, journal))
            .post("/admin/stop", new StopHandler(control, journal))
            .get("/admin/status", new AdminStatusHandler(control))
            .get(
                "/admin/metadata",
                call -> {
                  Responses.route(call, "admin_metadata");
                  if (holder.current() == null) {
                    throw new ApiException(503, "the model is not loaded yet");
                  }
                  Responses.json(
                      call, 200, MetadataHandler.describe(control.modelName(), holder.current()));
                })
            .get("/metrics", new MetricsHandler(metrics));
    HttpService service =
        new HttpService(
            router,
            null,
            new InFlight(),
            new RequestEnd(log, metrics, true),
            AdminBodies.MAX_BYTES,
            0);
    Connectors server = new Connectors("admin", 1, service);
    try {
      server.listen(LOOPBACK, port, false);
    } catch (Exception e) {
      server.stop();
      throw e;
    }
    return server;
  }
}
