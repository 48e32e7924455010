package io.recopipe.serving.admin;

import io.javalin.Javalin;
import io.recopipe.serving.Connectors;
import io.recopipe.serving.http.HttpApp;
import io.recopipe.serving.http.InFlight;
import io.recopipe.serving.http.MetadataHandler;
import io.recopipe.serving.http.MetricsHandler;
import io.recopipe.serving.http.ApiException;
import io.recopipe.serving.http.Responses;
import io.recopipe.serving.log.JsonLog;
import io.recopipe.serving.metrics.ServingMetrics;
import io.recopipe.serving.model.ModelHolder;

/**
 * The admin API on its own Javalin instance, always bound to 127.0.0.1 and behind the revision's
 * bearer secret, so that swapping models or stopping the server is impossible from outside the
 * machine and from other local processes; it also serves {@code /metrics} and the full metadata
 * ({@code /admin/metadata}) for when the public listener is not loopback.
 */
public final class AdminServer {
  /** The only address the admin API binds to. */
  public static final String LOOPBACK = "127.0.0.1";

  private AdminServer() {
  }

  /** Creates (not starts) the admin server on {@code port} (0 = ephemeral). */
  public static Javalin create(int port, ModelHolder holder, ServingControl control,
      ServingMetrics metrics, JsonLog log, AdminAuth auth, AdminJournal journal) {
    return HttpApp.create(log, metrics, new InFlight(), true, config -> {
      config.jetty.addConnector((server, http) -> Connectors.create(server, http, LOOPBACK, port,
          false));
      config.routes.before("/admin/*", auth);
      config.routes.post("/admin/swap", new SwapHandler(holder, log, journal));
      config.routes.post("/admin/listen", new ListenHandler(control, journal));
      config.routes.post("/admin/stop", new StopHandler(control, journal));
      config.routes.get("/admin/status", new AdminStatusHandler(control));
      config.routes.get("/admin/metadata", ctx -> {
        Responses.route(ctx, "admin_metadata");
        if (holder.current() == null) {
          throw new ApiException(503, "the model is not loaded yet");
        }
        Responses.json(ctx, 200, MetadataHandler.describe(control.modelName(),
            holder.current()));
      });
      config.routes.get("/metrics", new MetricsHandler(metrics));
    });
  }
}
