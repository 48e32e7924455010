package io.recopipe.serving.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.recopipe.serving.http.ApiException;
import io.recopipe.serving.http.Responses;
import java.util.Map;

/**
 * {@code POST /admin/listen {"port": N}}: also listen on port N with SO_REUSEPORT, answering once
 * the socket is bound, so that a deployer can move the stable port to this revision before
 * stopping the old one.
 */
public final class ListenHandler implements Handler {
  private final ServingControl control;

  /** Creates the handler. */
  public ListenHandler(ServingControl control) {
    this.control = control;
  }

  @Override
  public void handle(Context ctx) {
    Responses.route(ctx, "admin_listen");
    JsonNode port = AdminBodies.object(ctx).get("port");
    if (port == null || !port.isIntegralNumber() || port.asLong() < 0
        || port.asLong() > 65535) {
      throw ApiException.badRequest("the body needs \"port\": an integer 0..65535");
    }
    int bound;
    try {
      bound = control.listen(port.asInt());
    } catch (Exception e) {
      throw new ApiException(409, "cannot listen on port " + port.asInt() + ": "
          + e.getMessage());
    }
    Responses.json(ctx, 200, Map.of("port", bound, "ports", control.ports()));
  }
}
