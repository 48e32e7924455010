package io.recopipe.serving.http;

import io.recopipe.model.bundle.BundleManifest;
import io.recopipe.model.provenance.Provenance;
import io.recopipe.serving.model.LoadedModel;
import io.recopipe.serving.model.ModelHolder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1/models/{name}/metadata}: where the served model came from (run, data, options,
 * metrics, code), so that anyone holding the endpoint can trace a prediction back to its run.
 */
public final class MetadataHandler implements Handler {
  private final ModelNames names;
  private final ModelHolder holder;
  private final boolean provenance;

  /**
   * Creates the handler; without {@code provenance} it leaves out what identifies the run (run id,
   * commit, data fingerprint, options, metrics, paths), for a listener other hosts can reach.
   */
  public MetadataHandler(ModelNames names, ModelHolder holder, boolean provenance) {
    this.names = names;
    this.holder = holder;
    this.provenance = provenance;
  }

  @Override
  public void handle(Call ctx) {
    Responses.route(ctx, "metadata");
    names.check(ctx.pathParam("spec"));
    LoadedModel model = holder.current();
    if (model == null) {
      throw new ApiException(503, "the model is not loaded yet");
    }
    Map<String, Object> out = describe(names.name(), model);
    if (!provenance) {
      out.keySet().retainAll(PUBLIC_FIELDS);
    }
    Responses.json(ctx, 200, out);
  }

  /** What the metadata shows on a non-loopback listener: what a client needs to call it. */
  static final java.util.Set<String> PUBLIC_FIELDS =
      java.util.Set.of(
          "model_name",
          "model_version",
          "model_type",
          "feedback_type",
          "num_users",
          "num_items",
          "num_factors",
          "user_column",
          "item_column",
          "has_rated_items");

  /** The metadata document of {@code model}. */
  public static Map<String, Object> describe(String name, LoadedModel model) {
    BundleManifest manifest = model.bundle().manifest();
    Provenance provenance = manifest.provenance();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model_name", name);
    out.put("model_version", model.version());
    out.put("model_type", "MATRIX_FACTORIZATION");
    out.put("feedback_type", manifest.feedbackType());
    out.put("run_id", provenance.runId());
    out.put("data_fingerprint", manifest.dataFingerprint());
    out.put("code_version", provenance.codeVersion());
    out.put("git_commit", provenance.gitCommit());
    out.put(
        "created_at", provenance.createdAt() == null ? null : provenance.createdAt().toString());
    out.put("seed", provenance.seed());
    out.put("num_users", model.model().users().size());
    out.put("num_items", model.model().items().size());
    out.put("num_factors", model.model().numFactors());
    out.put("user_column", manifest.userColumn());
    out.put("item_column", manifest.itemColumn());
    out.put("has_rated_items", model.hasRatedItems());
    out.put("options", manifest.options());
    Map<String, Object> metrics = new LinkedHashMap<>();
    manifest
        .metrics()
        .forEach((key, value) -> metrics.put(key, Double.isFinite(value) ? value : null));
    out.put("metrics", metrics);
    out.put("bundle", model.bundle().directory().toString());
    out.put("loaded_at", model.loadedAt().toString());
    return out;
  }
}
