package io.recopipe.serving.admin;

import io.recopipe.serving.http.Call;
import io.recopipe.serving.http.Handler;
import io.recopipe.serving.http.Responses;
import io.recopipe.serving.model.LoadedModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /admin/status}: pid, public ports and the model served, so that a deployer can check
 * which process owns which port.
 */
public final class AdminStatusHandler implements Handler {
  private final ServingControl control;

  /** Creates the handler. */
  public AdminStatusHandler(ServingControl control) {
    this.control = control;
  }

  @Override
  public void handle(Call ctx) {
    Responses.route(ctx, "admin_status");
    LoadedModel model = control.model();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("pid", ProcessHandle.current().pid());
    out.put("ports", control.ports());
    out.put("admin_port", control.adminPort());
    out.put("model_name", control.modelName());
    out.put("model_version", model == null ? null : model.version());
    out.put("run_id", model == null ? null : model.runId());
    out.put("ready", model != null && !control.stopping());
    out.put("stopping", control.stopping());
    Responses.json(ctx, 200, out);
  }
}
