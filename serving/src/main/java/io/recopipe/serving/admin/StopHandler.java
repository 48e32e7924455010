package io.recopipe.serving.admin;

import io.recopipe.serving.http.Call;
import io.recopipe.serving.http.Handler;
import io.recopipe.serving.http.Responses;
import java.util.Map;

/**
 * {@code POST /admin/stop}: answers 200, then stops gracefully (no new connections, in-flight
 * requests finish, exit 0), so that a deployer can retire a revision without failing a request.
 */
public final class StopHandler implements Handler {
  private final ServingControl control;
  private final AdminJournal journal;

  /** Creates the handler. */
  public StopHandler(ServingControl control, AdminJournal journal) {
    this.control = control;
    this.journal = journal;
  }

  @Override
  public void handle(Call ctx) {
    Responses.route(ctx, "admin_stop");
    String version = control.model() == null ? null : control.model().version();
    journal.append("stop", "accepted", version, null, ctx.ip(), Map.of());
    Responses.json(ctx, 200, Map.of("status", "stopping"));
    control.stopAsync("admin stop");
  }
}
