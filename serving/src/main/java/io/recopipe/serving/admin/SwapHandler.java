package io.recopipe.serving.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.serving.http.ApiException;
import io.recopipe.serving.http.Call;
import io.recopipe.serving.http.Handler;
import io.recopipe.serving.http.Responses;
import io.recopipe.serving.model.LoadedModel;
import io.recopipe.serving.model.ModelHolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /admin/swap {"bundle": "/path"}}: loads and verifies a bundle on the admin thread,
 * then swaps it in atomically; a bad bundle is refused with 400 and the old model keeps serving.
 */
public final class SwapHandler implements Handler {
  private static final Logger LOG = LoggerFactory.getLogger(SwapHandler.class);
  private final ModelHolder holder;
  private final AdminJournal journal;

  /** Creates the handler. */
  public SwapHandler(ModelHolder holder, AdminJournal journal) {
    this.holder = holder;
    this.journal = journal;
  }

  @Override
  public void handle(Call ctx) {
    Responses.route(ctx, "admin_swap");
    JsonNode bundle = AdminBodies.object(ctx).get("bundle");
    if (bundle == null || !bundle.isTextual() || bundle.asText().isBlank()) {
      throw ApiException.badRequest("the body needs \"bundle\": a bundle directory path");
    }
    LoadedModel old = holder.current();
    String before = old == null ? null : old.version();
    LoadedModel loaded;
    try {
      loaded = holder.swap(Path.of(bundle.asText()));
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn(
          "swap refused, still serving "
              + (old == null ? "nothing" : old.version())
              + ": "
              + e.getMessage());
      journal.append(
          "swap",
          "failed",
          before,
          before,
          ctx.ip(),
          Map.of("bundle", bundle.asText(), "error", String.valueOf(e.getMessage())));
      throw ApiException.badRequest(
          "cannot load bundle " + bundle.asText() + ": " + e.getMessage());
    }
    LOG.info(
        "swapped model "
            + (old == null ? "none" : old.version())
            + " -> "
            + loaded.version()
            + " from "
            + loaded.bundle().directory());
    journal.append(
        "swap",
        "accepted",
        before,
        loaded.version(),
        ctx.ip(),
        Map.of("bundle", bundle.asText(), "run_id", String.valueOf(loaded.runId())));
    Responses.json(
        ctx,
        200,
        Map.of(
            "model_version",
            loaded.version(),
            "run_id",
            loaded.runId(),
            "previous_model_version",
            old == null ? "" : old.version()));
  }
}
