package io.recopipe.serving.admin;

import io.javalin.Javalin;
import io.recopipe.serving.Connectors;
import io.recopipe.serving.http.HttpApp;
import io.recopipe.serving.http.InFlight;
import io.recopipe.serving.log.JsonLog;
import io.recopipe.serving.metrics.ServingMetrics;
import io.recopipe.serving.model.ModelHolder;

/**
 * The admin API on its own Javalin instance, always bound to 127.0.0.1, so that swapping models or
 * stopping the server is impossible from outside the machine whatever the public bind address.
 */
public final class AdminServer {
  /** The only address the admin API binds to. */
  public static final String LOOPBACK = "127.0.0.1";

  private AdminServer() {
  }

  /** Creates (not starts) the admin server on {@code port} (0 = ephemeral). */
  public static Javalin create(int port, ModelHolder holder, ServingControl control,
      ServingMetrics metrics, JsonLog log) {
    return HttpApp.create(log, metrics, new InFlight(), true, config -> {
      config.jetty.addConnector((server, http) -> Connectors.create(server, http, LOOPBACK, port,
          false));
      config.routes.post("/admin/swap", new SwapHandler(holder, log));
      config.routes.post("/admin/listen", new ListenHandler(control));
      config.routes.post("/admin/stop", new StopHandler(control));
      config.routes.get("/admin/status", new AdminStatusHandler(control));
    });
  }
}
