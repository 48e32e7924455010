package io.recopipe.serving.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.recopipe.model.mf.MfModel;
import io.recopipe.serving.model.ItemIdJson;
import io.recopipe.serving.model.LoadedModel;
import java.util.List;

/**
 * Scores the instances of one request on one model snapshot and writes the TF Serving response,
 * {@code {"predictions": [{"predicted_rating": […], "predicted_item_id": […]}]}}, keeping the field
 * names of BigQuery ML's exported model so that the seed's client reads it unchanged. An implicit
 * model's scores are confidences, not ratings, so they are named as BigQuery ML's ML.RECOMMEND
 * names them, {@code predicted_<rating_col>_confidence} ({@value #CONFIDENCE_FIELD} with BigQuery
 * ML's default rating column, the one recopipe's DATASET artifact always uses). Explicit ratings
 * are clamped into the bundle's rating range as they are written (see {@link LoadedModel#served});
 * items are ranked by the raw score, so clamping never reorders.
 */
public final class PredictionWriter {
  /** The score field of explicit models. */
  public static final String RATING_FIELD = "predicted_rating";

  /** The score field of implicit models. */
  public static final String CONFIDENCE_FIELD = "predicted_rating_confidence";

  private PredictionWriter() {}

  /** The score field for {@code model}: by its manifest's feedback type. */
  public static String scoreField(LoadedModel model) {
    return "IMPLICIT".equals(model.bundle().manifest().feedbackType())
        ? CONFIDENCE_FIELD
        : RATING_FIELD;
  }

  /**
   * Scores {@code instances} on {@code model} and writes the response body into a buffer from
   * {@code alloc} (the connection's pooled direct buffers: the bytes are sent from where they are
   * written).
   */
  public static ByteBuf write(
      LoadedModel model, List<PredictInstance> instances, ByteBufAllocator alloc) {
    int estimate = 32;
    for (PredictInstance instance : instances) {
      int n = instance.itemIds() != null ? instance.itemIds().size() : instance.k();
      estimate += 64 + n * 24;
    }
    ByteBuf out = alloc.ioBuffer(estimate);
    try {
      write(new JsonBytes(out), model, instances);
      return out;
    } catch (RuntimeException | Error e) {
      out.release();
      throw e;
    }
  }

  private static void write(JsonBytes json, LoadedModel model, List<PredictInstance> instances) {
    String rowStart = "{\"" + scoreField(model) + "\":[";
    json.raw("{\"predictions\":[");
    for (int n = 0; n < instances.size(); n++) {
      if (n > 0) {
        json.raw(',');
      }
      PredictInstance instance = instances.get(n);
      if (instance.itemIds() != null) {
        writeListed(json, model, instance, rowStart);
      } else {
        writeTop(json, model, instance, rowStart);
      }
    }
    json.raw("]}");
  }

  /** The user's top k, ids written from the model's prepared bytes. */
  private static void writeTop(
      JsonBytes json, LoadedModel loaded, PredictInstance instance, String rowStart) {
    int k = instance.k();
    int[] items = new int[k];
    float[] ratings = new float[k];
    int u = loaded.model().users().indexOf(instance.userId());
    int count = loaded.recommender().topItems(u, k, instance.excludeRated(), items, ratings);
    byte[][] ids = new byte[count][];
    for (int n = 0; n < count; n++) {
      ids[n] = loaded.itemIdJson(items[n]);
    }
    writeRow(json, loaded, rowStart, ratings, ids, u < 0);
  }

  /** ML.RECOMMEND with both columns: the listed items' ratings, in the order given. */
  private static void writeListed(
      JsonBytes json, LoadedModel loaded, PredictInstance instance, String rowStart) {
    MfModel model = loaded.model();
    List<String> items = instance.itemIds();
    float[] ratings = new float[items.size()];
    byte[][] ids = new byte[items.size()][];
    for (int n = 0; n < ratings.length; n++) {
      ratings[n] = model.predict(instance.userId(), items.get(n));
      ids[n] = ItemIdJson.quoted(items.get(n));
    }
    writeRow(json, loaded, rowStart, ratings, ids, model.users().indexOf(instance.userId()) < 0);
  }

  /** One row: the first {@code ids.length} ratings (as served) and the quoted ids. */
  private static void writeRow(
      JsonBytes json,
      LoadedModel model,
      String rowStart,
      float[] ratings,
      byte[][] ids,
      boolean coldStart) {
    json.raw(rowStart);
    for (int n = 0; n < ids.length; n++) {
      if (n > 0) {
        json.raw(',');
      }
      json.number(model.served(ratings[n]));
    }
    json.raw("],\"predicted_item_id\":[");
    for (int n = 0; n < ids.length; n++) {
      if (n > 0) {
        json.raw(',');
      }
      json.raw(ids[n]);
    }
    json.raw(coldStart ? "],\"cold_start\":true}" : "]}");
  }
}
