package io.recopipe.serving.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.serving.http.ApiException;
import io.recopipe.serving.http.Call;
import io.recopipe.serving.http.Handler;
import io.recopipe.serving.http.Responses;
import java.util.Map;

/**
 * {@code POST /admin/listen {"port": N}}: also listen on port N with SO_REUSEPORT, answering once
 * the socket is bound, so that a deployer can move the stable port to this revision before stopping
 * the old one.
 */
public final class ListenHandler implements Handler {
  private final ServingControl control;
  private final AdminJournal journal;

  /** Creates the handler. */
  public ListenHandler(ServingControl control, AdminJournal journal) {
    this.control = control;
    this.journal = journal;
  }

  @Override
  public void handle(Call ctx) {
    Responses.route(ctx, "admin_listen");
    JsonNode port = AdminBodies.object(ctx).get("port");
    if (port == null || !port.isIntegralNumber() || port.asLong() < 0 || port.asLong() > 65535) {
      throw ApiException.badRequest("the body needs \"port\": an integer 0..65535");
    }
    String version = control.model() == null ? null : control.model().version();
    int bound;
    try {
      bound = control.listen(port.asInt());
    } catch (Exception e) {
      journal.append(
          "listen",
          "failed",
          version,
          version,
          ctx.ip(),
          Map.of("port", port.asInt(), "error", String.valueOf(e.getMessage())));
      throw new ApiException(409, "cannot listen on port " + port.asInt() + ": " + e.getMessage());
    }
    journal.append("listen", "accepted", version, version, ctx.ip(), Map.of("port", bound));
    Responses.json(ctx, 200, Map.of("port", bound, "ports", control.ports()));
  }
}
